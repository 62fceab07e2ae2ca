-- Share of returned orders per month: the divisor may be zero.
-- expect: FQL009@4:65
SELECT TO_CHAR(o.ordered_at, 'YYYY-MM') AS month,
       SUM(CASE WHEN o.status = 'RETURNED' THEN 1 ELSE 0 END) / SUM(CASE WHEN o.status <> 'CANCELLED' THEN 1 ELSE 0 END) AS return_rate,
       ROUND(100 * SUM(CASE WHEN o.status = 'RETURNED' THEN 1 ELSE 0 END) / NULLIF(COUNT(*), 0), 2) AS return_pct
FROM orders o
GROUP BY TO_CHAR(o.ordered_at, 'YYYY-MM');
