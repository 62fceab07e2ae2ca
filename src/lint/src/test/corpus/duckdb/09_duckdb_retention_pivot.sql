-- Weekly retention with one join and a CASE pivot.
-- expect:
WITH cohort AS (
    SELECT user_id, date_trunc('week', min(ts)) AS week FROM events GROUP BY user_id
), active AS (
    SELECT DISTINCT user_id, date_trunc('week', ts) AS week FROM events
)
SELECT c.week,
       count(*) FILTER (WHERE a.week = c.week) AS week_0,
       count(*) FILTER (WHERE a.week = c.week + INTERVAL 1 WEEK) AS week_1,
       count(*) FILTER (WHERE a.week = c.week + INTERVAL 2 WEEK) AS week_2
FROM cohort c
JOIN active a ON a.user_id = c.user_id AND a.week BETWEEN c.week AND c.week + INTERVAL 2 WEEK
GROUP BY c.week;
