-- Weekly signups by channel with DECODE, counted on truncated dates.
-- expect:
SELECT TRUNC(u.created_at, 'IW') AS week,
       DECODE(u.channel, 'ads', 'Paid', 'seo', 'Organic', 'Other') AS channel_group,
       COUNT(*) AS signups
FROM users u
WHERE u.created_at >= TRUNC(SYSDATE) - 90
GROUP BY TRUNC(u.created_at, 'IW'), DECODE(u.channel, 'ads', 'Paid', 'seo', 'Organic', 'Other')
ORDER BY 1 DESC
FETCH FIRST 12 ROWS ONLY;
