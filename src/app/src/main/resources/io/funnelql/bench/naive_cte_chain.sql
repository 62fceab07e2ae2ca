-- agrees with query: checkout_any_entry
-- One CTE per step, each joining the previous step's CTE back to the events (the last one also
-- re-joins the first): every (view, cart) pair in the hour, then every (view, cart, purchase).
WITH viewed AS (
  SELECT tenant_id, user_id, occurred_at AS viewed_at
  FROM events
  WHERE event_name = 'page_view'
),
carted AS (
  SELECT v.tenant_id, v.user_id, v.viewed_at, e.occurred_at AS carted_at
  FROM viewed v
  JOIN events e ON e.tenant_id = v.tenant_id AND e.user_id = v.user_id
  WHERE e.event_name = 'add_to_cart'
    AND e.occurred_at > v.viewed_at
    AND e.occurred_at <= v.viewed_at + INTERVAL '1 hour'
),
purchased AS (
  SELECT c.tenant_id, c.user_id
  FROM carted c
  JOIN viewed v ON v.tenant_id = c.tenant_id AND v.user_id = c.user_id AND v.viewed_at = c.viewed_at
  JOIN events e ON e.tenant_id = c.tenant_id AND e.user_id = c.user_id
  WHERE e.event_name = 'purchase'
    AND e.occurred_at > c.carted_at
    AND e.occurred_at <= v.viewed_at + INTERVAL '1 hour'
)
SELECT (SELECT COUNT(DISTINCT user_id) FROM viewed) AS viewed,
       (SELECT COUNT(DISTINCT user_id) FROM carted) AS carted,
       (SELECT COUNT(DISTINCT user_id) FROM purchased) AS purchased;
