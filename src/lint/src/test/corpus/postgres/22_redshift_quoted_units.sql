-- Time to first purchase in hours, with the unit as a string and NVL.
-- expect:
SELECT u.signup_source,
       APPROXIMATE COUNT(DISTINCT u.user_id) AS users,
       MEDIAN(DATEDIFF('hour', u.created_at, p.first_purchase_at)) AS median_hours,
       NVL(AVG(DATEDIFF('hour', u.created_at, p.first_purchase_at)), 0) AS avg_hours
FROM users u
LEFT JOIN (
    SELECT user_id, MIN(purchased_at) AS first_purchase_at FROM purchases GROUP BY user_id
) p ON p.user_id = u.user_id
WHERE u.created_at >= DATEADD('month', -3, DATE_TRUNC('month', getdate()))
GROUP BY 1;
