-- agrees with query: daily
-- returns: rows
-- Daily retention as an analyst writes it: each key's cohort day (its first signup) and its
-- active days (one row per key and day), joined once on the key and aggregated per cohort and
-- offset; every cohort gets a row for each offset 0 to 7, as the cohorts report has. Counted, as
-- the generated SQL is (the bench counts the rows and each column's values of both the same way).
WITH cohorts AS (
  SELECT tenant_id, user_id, CAST(MIN(occurred_at) AS DATE) AS cohort_day
  FROM events
  WHERE event_name = 'signup'
  GROUP BY tenant_id, user_id
),
active_days AS (
  SELECT DISTINCT tenant_id, user_id, CAST(occurred_at AS DATE) AS active_day
  FROM events
  WHERE event_name IN ('login', 'page_view')
),
returns AS (
  SELECT c.cohort_day, a.active_day - c.cohort_day AS day_offset, COUNT(*) AS returned
  FROM cohorts c
  JOIN active_days a ON a.tenant_id = c.tenant_id AND a.user_id = c.user_id
  WHERE a.active_day BETWEEN c.cohort_day AND c.cohort_day + 7
  GROUP BY c.cohort_day, a.active_day - c.cohort_day
),
cohort_sizes AS (
  SELECT cohort_day, COUNT(*) AS cohort_size
  FROM cohorts
  GROUP BY cohort_day
)
SELECT s.cohort_day AS cohort, o.day_offset AS "offset", s.cohort_size,
       COALESCE(r.returned, 0) AS returned,
       ROUND(100.0 * COALESCE(r.returned, 0) / s.cohort_size, 2) AS percentage
FROM cohort_sizes s
CROSS JOIN (VALUES (0), (1), (2), (3), (4), (5), (6), (7)) AS o(day_offset)
LEFT JOIN returns r ON r.cohort_day = s.cohort_day AND r.day_offset = o.day_offset;
