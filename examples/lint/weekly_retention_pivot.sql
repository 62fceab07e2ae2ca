-- Weekly retention as a pivot: one LEFT JOIN of the events per week after the cohort week. Every
-- join reads the events again, a user active on several days of week 1 is repeated in every other
-- week's column until COUNT(DISTINCT) throws the repeats away, and truncating the event time in
-- the join condition keeps the engine from using the time index or partitions.
WITH cohort AS (
  SELECT user_id, date_trunc('week', MIN(occurred_at)) AS cohort_week
  FROM events
  GROUP BY user_id
)
SELECT c.cohort_week,
       COUNT(DISTINCT c.user_id)  AS users,
       COUNT(DISTINCT w1.user_id) AS week_1,
       COUNT(DISTINCT w2.user_id) AS week_2,
       COUNT(DISTINCT w3.user_id) AS week_3
FROM cohort c
LEFT JOIN events w1
  ON w1.user_id = c.user_id
 AND date_trunc('week', w1.occurred_at) = c.cohort_week + INTERVAL '1 week'
LEFT JOIN events w2
  ON w2.user_id = c.user_id
 AND date_trunc('week', w2.occurred_at) = c.cohort_week + INTERVAL '2 weeks'
LEFT JOIN events w3
  ON w3.user_id = c.user_id
 AND date_trunc('week', w3.occurred_at) = c.cohort_week + INTERVAL '3 weeks'
GROUP BY c.cohort_week;
