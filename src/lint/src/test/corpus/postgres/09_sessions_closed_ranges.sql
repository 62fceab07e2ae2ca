-- The same attribution with BETWEEN: an event at the instant the next session starts falls in
-- both sessions, and is counted twice.
-- expect: FQL001@12:6
WITH ranges AS (
    SELECT user_id, session_id, started_at,
           LEAD(started_at) OVER (PARTITION BY user_id ORDER BY started_at, session_id) AS ended_at
    FROM sessions
)
SELECT r.session_id, COUNT(*) AS events
FROM events e
JOIN ranges r
  ON r.user_id = e.user_id
 AND e.occurred_at BETWEEN r.started_at AND r.ended_at
GROUP BY r.session_id;
