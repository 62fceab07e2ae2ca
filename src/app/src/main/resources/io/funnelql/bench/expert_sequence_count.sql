-- agrees with query: cart_then_purchase
-- returns: rows
-- sequenceMatch / sequenceCount of '(?1).*(?2)' as an analyst writes it, in one ordered pass:
-- a purchase closes a match when some cart came after the previous purchase, so each key's
-- purchases are numbered by the carts seen so far and compared with the previous purchase's.
-- Every key with a cart or a purchase gets a row (a key with neither matches nothing: 0).
WITH marked AS (
  SELECT tenant_id, user_id, occurred_at, event_name,
         CASE WHEN event_name = 'purchase' THEN 1 ELSE 0 END AS is_purchase,
         SUM(CASE WHEN event_name = 'add_to_cart' THEN 1 ELSE 0 END)
           OVER (PARTITION BY tenant_id, user_id ORDER BY occurred_at, event_name ROWS UNBOUNDED PRECEDING) AS carts
  FROM events
  WHERE event_name IN ('add_to_cart', 'purchase')
),
purchases AS (
  SELECT tenant_id, user_id, is_purchase, carts,
         MAX(CASE WHEN is_purchase = 1 THEN carts END)
           OVER (PARTITION BY tenant_id, user_id ORDER BY occurred_at, event_name
                 ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS carts_before
  FROM marked
),
counted AS (
  SELECT tenant_id, user_id,
         SUM(CASE WHEN is_purchase = 1 AND carts > COALESCE(carts_before, 0) THEN 1 ELSE 0 END) AS matches
  FROM purchases
  GROUP BY tenant_id, user_id
),
all_keys AS (
  SELECT DISTINCT tenant_id, user_id FROM events
)
SELECT k.tenant_id, k.user_id, COALESCE(c.matches, 0) > 0 AS matched, COALESCE(c.matches, 0) AS matches
FROM all_keys k
LEFT JOIN counted c ON c.tenant_id = k.tenant_id AND c.user_id = k.user_id;
