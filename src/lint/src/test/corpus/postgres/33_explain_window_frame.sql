-- Seven-day rolling revenue, checked with EXPLAIN ANALYZE before it went on the dashboard.
-- expect:
EXPLAIN (ANALYZE, BUFFERS)
SELECT day,
       revenue,
       SUM(revenue) OVER (ORDER BY day RANGE BETWEEN INTERVAL '6 days' PRECEDING AND CURRENT ROW) AS revenue_7d
FROM (
    SELECT created_at::date AS day, SUM(amount) AS revenue
    FROM payments
    WHERE status = 'succeeded'
    GROUP BY 1
) d
ORDER BY day;
