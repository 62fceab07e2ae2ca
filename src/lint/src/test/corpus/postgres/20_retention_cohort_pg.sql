-- Weekly retention: cohort by signup week, activity by weeks since signup, one join and a pivot.
-- expect:
WITH cohort AS (
    SELECT user_id, date_trunc('week', MIN(created_at)) AS cohort_week
    FROM users
    GROUP BY user_id
),
activity AS (
    SELECT DISTINCT user_id, date_trunc('week', occurred_at) AS active_week
    FROM events
)
SELECT c.cohort_week,
       COUNT(DISTINCT c.user_id) AS cohort_size,
       COUNT(DISTINCT a.user_id) FILTER (WHERE a.active_week = c.cohort_week + INTERVAL '1 week') AS week_1,
       COUNT(DISTINCT a.user_id) FILTER (WHERE a.active_week = c.cohort_week + INTERVAL '2 weeks') AS week_2
FROM cohort c
LEFT JOIN activity a
  ON a.user_id = c.user_id
 AND a.active_week > c.cohort_week
 AND a.active_week <= c.cohort_week + INTERVAL '2 weeks'
GROUP BY 1
ORDER BY 1;
