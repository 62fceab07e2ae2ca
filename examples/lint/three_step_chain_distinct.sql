-- A three-step funnel as a self-join chain. COUNT(DISTINCT) makes the numbers right, but the
-- joins pair every view with every later cart and every later purchase first, with no window.
SELECT COUNT(DISTINCT v.user_id) AS viewed,
       COUNT(DISTINCT c.user_id) AS carted,
       COUNT(DISTINCT p.user_id) AS purchased
FROM events v
LEFT JOIN events c
  ON c.user_id = v.user_id
 AND c.event_name = 'add_to_cart'
 AND c.occurred_at > v.occurred_at
LEFT JOIN events p
  ON p.user_id = c.user_id
 AND p.event_name = 'purchase'
 AND p.occurred_at > c.occurred_at
WHERE v.event_name = 'product_view';
