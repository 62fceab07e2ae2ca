-- agrees with query: after_view
-- returns: rows
-- Paths after each key's first page view as an analyst writes them: one ordered pass numbers
-- each key's events and marks the 30-minute gaps; the path runs from the first view to the first
-- gap after it; a repeat of the previous name collapses; steps 1 to 5 pair up with LEAD, and the
-- transitions are counted per depth, ranked, and the top 10 of each depth kept with their share
-- (rounded half-up to 2 decimals, as the generated SQL rounds).
WITH ordered AS (
  SELECT tenant_id, user_id, event_name,
         ROW_NUMBER() OVER (PARTITION BY tenant_id, user_id ORDER BY occurred_at, event_name) AS n,
         CASE WHEN occurred_at > LAG(occurred_at) OVER (PARTITION BY tenant_id, user_id ORDER BY occurred_at, event_name)
                                 + INTERVAL '30 minutes' THEN 1 ELSE 0 END AS gap
  FROM events
),
anchors AS (
  SELECT tenant_id, user_id, MIN(n) AS anchor_n
  FROM ordered
  WHERE event_name = 'page_view'
  GROUP BY tenant_id, user_id
),
after_anchor AS (
  SELECT o.tenant_id, o.user_id, o.event_name, o.n,
         MIN(CASE WHEN o.gap = 1 AND o.n > a.anchor_n THEN o.n END) OVER (PARTITION BY o.tenant_id, o.user_id) AS cut_n
  FROM ordered o
  JOIN anchors a ON a.tenant_id = o.tenant_id AND a.user_id = o.user_id
  WHERE o.n >= a.anchor_n
),
path AS (
  SELECT tenant_id, user_id, event_name, n,
         LAG(event_name) OVER (PARTITION BY tenant_id, user_id ORDER BY n) AS previous_name
  FROM after_anchor
  WHERE cut_n IS NULL OR n < cut_n
),
steps AS (
  SELECT tenant_id, user_id, event_name,
         ROW_NUMBER() OVER (PARTITION BY tenant_id, user_id ORDER BY n) AS position
  FROM path
  WHERE previous_name IS NULL OR event_name <> previous_name
),
transitions AS (
  SELECT position AS depth, event_name AS from_node,
         LEAD(event_name) OVER (PARTITION BY tenant_id, user_id ORDER BY position) AS to_node
  FROM steps
  WHERE position <= 5
),
counted AS (
  SELECT depth, from_node, to_node, COUNT(*) AS keys
  FROM transitions
  WHERE depth <= 4
  GROUP BY depth, from_node, to_node
),
ranked AS (
  SELECT depth, from_node, to_node, keys,
         ROW_NUMBER() OVER (PARTITION BY depth ORDER BY keys DESC, from_node, to_node NULLS LAST) AS transition_rank,
         SUM(keys) OVER (PARTITION BY depth) AS depth_keys
  FROM counted
)
SELECT depth, from_node, to_node, keys,
       CAST(FLOOR((20000.0 * keys + depth_keys) / (2 * depth_keys)) AS DOUBLE PRECISION) / 100 AS percentage
FROM ranked
WHERE transition_rank <= 10;
