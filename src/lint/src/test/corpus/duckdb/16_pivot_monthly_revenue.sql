-- Monthly revenue per account as columns, with DuckDB's PIVOT statement; the ratio divides by a bare count.
-- expect:
PIVOT (
    SELECT o.account_id, strftime(o.ordered_at, '%Y-%m') AS month, o.amount
    FROM orders o
    WHERE o.ordered_at >= DATE '2024-01-01'
) ON month USING sum(amount) AS revenue, sum(amount) / count(*) AS average_order
GROUP BY account_id
ORDER BY account_id;

SELECT * FROM monthly_orders PIVOT (sum(amount) FOR month IN ('2024-01', '2024-02', '2024-03') GROUP BY account_id);

UNPIVOT monthly_revenue ON jan, feb, mar INTO NAME month VALUE revenue;
