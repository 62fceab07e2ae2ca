-- Events attributed to sessions: each session runs until the next one of the same user starts,
-- so an event falls in exactly one session and the join does not multiply events.
-- expect:
WITH starts AS (
    SELECT user_id, session_id, started_at,
           LEAD(started_at) OVER (PARTITION BY user_id ORDER BY started_at, session_id) AS next_started_at
    FROM sessions
)
SELECT s.session_id,
       COUNT(*) AS events,
       SUM(CASE WHEN e.name = 'purchase' THEN 1 ELSE 0 END) AS purchases
FROM events e
JOIN starts s
  ON s.user_id = e.user_id
 AND e.occurred_at >= s.started_at
 AND (e.occurred_at < s.next_started_at OR s.next_started_at IS NULL)
GROUP BY s.session_id;
