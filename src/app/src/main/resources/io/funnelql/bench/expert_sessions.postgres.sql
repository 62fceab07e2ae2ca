-- agrees with query: visits
-- Sessions as an analyst writes them on PostgreSQL: one LAG per key marks each event that follows a
-- gap of more than 30 minutes, a running SUM numbers the sessions, one GROUP BY per session
-- (an ordered array_agg names its first and last event). Counted, as the generated SQL is.
SELECT COUNT(*) AS sessions
FROM (
  SELECT tenant_id, user_id, session_number,
         MIN(occurred_at) AS session_start,
         MAX(occurred_at) AS session_end,
         COUNT(*) AS event_count,
         (array_agg(event_name ORDER BY occurred_at))[1] AS first_event,
         (array_agg(event_name ORDER BY occurred_at DESC))[1] AS last_event
  FROM (
    SELECT tenant_id, user_id, occurred_at, event_name,
           SUM(starts_session) OVER (PARTITION BY tenant_id, user_id ORDER BY occurred_at
                                     ROWS UNBOUNDED PRECEDING) AS session_number
    FROM (
      SELECT tenant_id, user_id, occurred_at, event_name,
             CASE WHEN LAG(occurred_at) OVER (PARTITION BY tenant_id, user_id ORDER BY occurred_at)
                       >= occurred_at - INTERVAL '30 minutes' THEN 0 ELSE 1 END AS starts_session
      FROM events
    ) AS marked
  ) AS numbered
  GROUP BY tenant_id, user_id, session_number
) AS sessions;
