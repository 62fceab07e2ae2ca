-- Sessions longer than an hour in the last week, with Oracle interval literals.
-- expect:
SELECT s.user_id, COUNT(*) AS long_sessions
FROM sessions s
WHERE s.ended_at - s.started_at > INTERVAL '1' HOUR
  AND s.started_at >= SYSTIMESTAMP - INTERVAL '7' DAY
GROUP BY s.user_id;
