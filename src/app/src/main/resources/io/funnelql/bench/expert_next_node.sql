-- agrees with query: after_first_cart
-- returns: rows
-- sequenceNextNode('forward', 'first_match') as an analyst writes it: one ordered pass gives
-- every event its number and the name of the event after it (one window, so carts at the same
-- second keep one order); each key's first cart picks its row.
WITH ordered AS (
  SELECT tenant_id, user_id, event_name,
         ROW_NUMBER() OVER (PARTITION BY tenant_id, user_id ORDER BY occurred_at, event_name) AS event_number,
         LEAD(event_name) OVER (PARTITION BY tenant_id, user_id ORDER BY occurred_at, event_name) AS next_event
  FROM events
),
first_cart AS (
  SELECT tenant_id, user_id, next_event,
         ROW_NUMBER() OVER (PARTITION BY tenant_id, user_id ORDER BY event_number) AS cart_number
  FROM ordered
  WHERE event_name = 'add_to_cart'
),
all_keys AS (
  SELECT DISTINCT tenant_id, user_id FROM events
)
SELECT k.tenant_id, k.user_id, f.next_event AS next_node
FROM all_keys k
LEFT JOIN first_cart f ON f.tenant_id = k.tenant_id AND f.user_id = k.user_id AND f.cart_number = 1;
