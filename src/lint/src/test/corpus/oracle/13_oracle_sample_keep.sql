-- A 10 % sample of orders: each customer's latest status.
-- expect:
SELECT o.customer_id,
       MAX(o.status) KEEP (DENSE_RANK LAST ORDER BY o.updated_at, o.order_id) AS latest_status,
       COUNT(*) AS orders
FROM orders o SAMPLE (10)
WHERE o.updated_at >= ADD_MONTHS(TRUNC(SYSDATE, 'MM'), -3)
GROUP BY o.customer_id;
