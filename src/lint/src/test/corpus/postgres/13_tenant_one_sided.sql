-- Orders enriched with each user's first order: the CTE drops the tenant, so users of two
-- accounts with the same id are mixed.
-- tenant-column: account_id
-- expect: FQL003@21:24
CREATE TABLE orders (
    account_id bigint NOT NULL,
    order_id bigint NOT NULL,
    user_id bigint NOT NULL,
    total_cents bigint,
    ordered_at timestamptz,
    PRIMARY KEY (account_id, order_id)
);

WITH first_orders AS (
    SELECT user_id, MIN(ordered_at) AS first_ordered_at
    FROM orders
    GROUP BY user_id
)
SELECT o.account_id, o.order_id, o.ordered_at = f.first_ordered_at AS is_first
FROM orders o
JOIN first_orders f ON f.user_id = o.user_id;
