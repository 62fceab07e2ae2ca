-- agrees with query: checkout_any_entry
-- The chained self-join people write first: every view is paired with every cart in the hour
-- after it, and every such pair with every purchase; COUNT(DISTINCT) hides the fan-out.
SELECT COUNT(DISTINCT v.user_id) AS viewed,
       COUNT(DISTINCT c.user_id) AS carted,
       COUNT(DISTINCT p.user_id) AS purchased
FROM events v
LEFT JOIN events c
  ON c.tenant_id = v.tenant_id
 AND c.user_id = v.user_id
 AND c.event_name = 'add_to_cart'
 AND c.occurred_at > v.occurred_at
 AND c.occurred_at <= v.occurred_at + INTERVAL '1 hour'
LEFT JOIN events p
  ON p.tenant_id = c.tenant_id
 AND p.user_id = c.user_id
 AND p.event_name = 'purchase'
 AND p.occurred_at > c.occurred_at
 AND p.occurred_at <= v.occurred_at + INTERVAL '1 hour'
WHERE v.event_name = 'page_view';
