-- agrees with query: visits
-- returns: rows
-- Sessions as an analyst writes them on DuckDB: one LAG per key marks each event that follows a
-- gap of more than 30 minutes, a running SUM numbers the sessions, one GROUP BY per session
-- (arg_min / arg_max name its first and last event). The bench counts
-- its rows and each column's values, as it does the generated SQL's.
SELECT tenant_id, user_id, session_number,
       concat_ws('/', tenant_id, user_id, MIN(occurred_at)) AS session_id,
       MIN(occurred_at) AS session_start,
       MAX(occurred_at) AS session_end,
       epoch(MAX(occurred_at) - MIN(occurred_at)) AS duration_seconds,
       COUNT(*) AS event_count,
       arg_min(event_name, occurred_at) AS first_event,
       arg_max(event_name, occurred_at) AS last_event
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
GROUP BY tenant_id, user_id, session_number;
