-- Monthly retention pivoted by one join per month.
-- expect: FQL010@14:25
WITH cohort AS (
    SELECT user_id, date_trunc('month', MIN(created_at)) AS month FROM users GROUP BY user_id
),
monthly AS (
    SELECT DISTINCT user_id, date_trunc('month', occurred_at) AS month FROM events
)
SELECT c.month,
       COUNT(*) AS cohort_size,
       COUNT(m1.user_id) AS month_1,
       COUNT(m2.user_id) AS month_2
FROM cohort c
LEFT JOIN monthly m1 ON m1.user_id = c.user_id AND m1.month = c.month + INTERVAL '1 month'
LEFT JOIN monthly m2 ON m2.user_id = c.user_id AND m2.month = c.month + INTERVAL '2 months'
GROUP BY c.month;
