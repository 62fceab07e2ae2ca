-- First purchase of each customer, the order id breaking ties.
-- expect:
SELECT customer_id, order_id, ordered_at
FROM (
    SELECT customer_id, order_id, ordered_at,
           ROW_NUMBER() OVER (PARTITION BY customer_id ORDER BY ordered_at, order_id) AS rn
    FROM orders
)
WHERE rn = 1;
