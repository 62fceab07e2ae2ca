-- agrees with query: visits
-- returns: row count
-- One window pass over the table, the yardstick for sessions and retention SQL: a LAG per key
-- counts the sessions that start after a gap of more than 30 minutes.
SELECT SUM(CASE WHEN previous_at IS NULL OR occurred_at > previous_at + INTERVAL '30 minutes' THEN 1 ELSE 0 END) AS sessions
FROM (
  SELECT occurred_at,
         LAG(occurred_at) OVER (PARTITION BY tenant_id, user_id ORDER BY occurred_at) AS previous_at
  FROM events
) AS gaps;
