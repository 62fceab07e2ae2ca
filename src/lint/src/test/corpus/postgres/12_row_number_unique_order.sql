-- Daily active flag per user and day: ordering by day is unique within a user after GROUP BY,
-- so ROW_NUMBER has no ties to break.
-- expect:
WITH daily AS (
    SELECT user_id, occurred_at::date AS day, COUNT(*) AS events
    FROM events
    GROUP BY user_id, occurred_at::date
)
SELECT user_id, day,
       ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY day) AS active_day_number,
       LAG(day) OVER (PARTITION BY user_id ORDER BY day) AS previous_active_day
FROM daily;
