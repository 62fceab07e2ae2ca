-- agrees with query: checkout
-- The chain an analyst writes for a first-entry funnel: each step's rows aggregated per key
-- (MIN of the time) and joined to the previous step's one row per key; no window, no sort.
-- The window runs from the first step; ties forbidden, so each step is strictly later.
WITH viewed AS (
  SELECT tenant_id, user_id, MIN(occurred_at) AS viewed_at
  FROM events
  WHERE event_name = 'page_view'
  GROUP BY tenant_id, user_id
),
carted AS (
  SELECT v.tenant_id, v.user_id, MIN(v.viewed_at) AS viewed_at, MIN(e.occurred_at) AS carted_at
  FROM viewed v
  JOIN events e ON e.tenant_id = v.tenant_id AND e.user_id = v.user_id
  WHERE e.event_name = 'add_to_cart'
    AND e.occurred_at > v.viewed_at
    AND e.occurred_at <= v.viewed_at + INTERVAL '1 hour'
  GROUP BY v.tenant_id, v.user_id
),
purchased AS (
  SELECT c.tenant_id, c.user_id
  FROM carted c
  JOIN events e ON e.tenant_id = c.tenant_id AND e.user_id = c.user_id
  WHERE e.event_name = 'purchase'
    AND e.occurred_at > c.carted_at
    AND e.occurred_at <= c.viewed_at + INTERVAL '1 hour'
  GROUP BY c.tenant_id, c.user_id
)
SELECT (SELECT COUNT(*) FROM viewed) AS viewed,
       (SELECT COUNT(*) FROM carted) AS carted,
       (SELECT COUNT(*) FROM purchased) AS purchased;
