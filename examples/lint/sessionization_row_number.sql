-- Sessions: a new session starts after 30 minutes of inactivity. Events with the same timestamp
-- are numbered and paired in whatever order the engine reads them.
WITH ordered AS (
  SELECT user_id, occurred_at, event_name,
         LAG(occurred_at) OVER (PARTITION BY user_id ORDER BY occurred_at) AS previous_at,
         ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY occurred_at) AS event_number
  FROM events
),
starts AS (
  SELECT user_id, occurred_at, event_number,
         CASE WHEN previous_at IS NULL OR occurred_at > previous_at + INTERVAL '30 minutes'
              THEN 1 ELSE 0 END AS is_start
  FROM ordered
)
SELECT user_id, occurred_at, event_number,
       SUM(is_start) OVER (PARTITION BY user_id ORDER BY occurred_at, event_number) AS session_number
FROM starts;
