-- Average items per order with DuckDB's integer division operator.
-- expect:
SELECT customer_id, sum(items) // count(*) AS whole_items_per_order
FROM orders
GROUP BY customer_id;
