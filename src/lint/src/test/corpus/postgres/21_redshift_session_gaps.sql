-- Sessionization in Redshift style: a new session after 30 minutes of inactivity.
-- expect:
WITH gaps AS (
    SELECT user_id, event_id, occurred_at,
           DATEDIFF(minute, LAG(occurred_at) OVER (PARTITION BY user_id ORDER BY occurred_at, event_id), occurred_at) AS idle_minutes
    FROM events
    WHERE occurred_at > DATEADD(day, -30, getdate())
)
SELECT user_id, event_id,
       SUM(CASE WHEN idle_minutes IS NULL OR idle_minutes > 30 THEN 1 ELSE 0 END)
           OVER (PARTITION BY user_id ORDER BY occurred_at, event_id ROWS UNBOUNDED PRECEDING) AS session_number
FROM gaps;
