-- The same enrichment keeping the tenant in the CTE and in the join.
-- tenant-column: account_id
-- expect:
CREATE TABLE orders (
    account_id bigint NOT NULL,
    order_id bigint NOT NULL,
    user_id bigint NOT NULL,
    ordered_at timestamptz,
    PRIMARY KEY (account_id, order_id)
);

WITH first_orders AS (
    SELECT account_id, user_id, MIN(ordered_at) AS first_ordered_at
    FROM orders
    GROUP BY account_id, user_id
)
SELECT o.account_id, o.order_id, o.ordered_at = f.first_ordered_at AS is_first
FROM orders o
JOIN first_orders f ON f.account_id = o.account_id AND f.user_id = o.user_id;
