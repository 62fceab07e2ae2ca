-- Days to second order, bucketed; the buckets share their ends.
-- expect: FQL006@5:15
SELECT CASE
         WHEN days_to_second BETWEEN 0 AND 7 THEN '0-7'
         WHEN days_to_second BETWEEN 7 AND 30 THEN '7-30'
         ELSE '30+'
       END AS bucket,
       COUNT(*) AS customers
FROM (
    SELECT customer_id, EXTRACT(day FROM second_at - first_at) AS days_to_second
    FROM customer_orders_summary
) s
GROUP BY 1;
