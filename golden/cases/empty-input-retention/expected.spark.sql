WITH `r_cohorts` AS (
  SELECT `user_id` `key_user_id`, MIN(`occurred_at`) `cohort_time`, date_from_unix_date(CAST((CAST(unix_date((CAST((MIN(`occurred_at`)) AS DATE)) ) AS BIGINT) - MOD(CAST(unix_date((CAST((MIN(`occurred_at`)) AS DATE)) ) AS BIGINT) + 3, 7)) AS INT)) `cohort`, (CAST((CAST(unix_date((CAST((MIN(`occurred_at`)) AS DATE)) ) AS BIGINT) + 3) AS BIGINT) DIV CAST(7 AS BIGINT)) `cohort_period`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` = 'signup'
  GROUP BY `user_id`
),
`r_activity` AS (
  SELECT `user_id` `key_user_id`, (CAST((CAST(unix_date((CAST(`occurred_at` AS DATE)) ) AS BIGINT) + 3) AS BIGINT) DIV CAST(7 AS BIGINT)) `period`, MAX(`occurred_at`) `last_return_time`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` = 'login'
  GROUP BY `user_id`, (CAST((CAST(unix_date((CAST(`occurred_at` AS DATE)) ) AS BIGINT) + 3) AS BIGINT) DIV CAST(7 AS BIGINT))
),
`r_returns` AS (
  SELECT `r_cohorts`.`key_user_id`, `r_cohorts`.`cohort_time`, `r_cohorts`.`cohort`, `r_cohorts`.`cohort_period`, MAX(CASE WHEN `r_activity`.`period` - `r_cohorts`.`cohort_period` = 0 THEN 1 ELSE 0 END) `returned_0`, MAX(CASE WHEN `r_activity`.`period` - `r_cohorts`.`cohort_period` = 1 THEN 1 ELSE 0 END) `returned_1`, MAX(CASE WHEN `r_activity`.`period` - `r_cohorts`.`cohort_period` = 2 THEN 1 ELSE 0 END) `returned_2`
  FROM `r_cohorts`
    LEFT JOIN `r_activity` ON `r_cohorts`.`key_user_id` = `r_activity`.`key_user_id` AND `r_cohorts`.`cohort_time` <= `r_activity`.`last_return_time` AND `r_cohorts`.`cohort_period` <= `r_activity`.`period` AND `r_activity`.`period` <= `r_cohorts`.`cohort_period` + 2
  GROUP BY `r_cohorts`.`key_user_id`, `r_cohorts`.`cohort_time`, `r_cohorts`.`cohort`, `r_cohorts`.`cohort_period`
),
`r_cohort_sizes` AS (
  SELECT `cohort`, COUNT(*) `cohort_size`, SUM(COALESCE(`returned_0`, 0)) `returned_0`, SUM(COALESCE(`returned_1`, 0)) `returned_1`, SUM(COALESCE(`returned_2`, 0)) `returned_2`
  FROM `r_returns`
  GROUP BY `cohort`
)
SELECT `cohort`, 0 `offset`, `cohort_size`, `returned_0` `returned`, CAST((CAST((20000 * `returned_0` + `cohort_size`) AS BIGINT) DIV CAST((NULLIF(2 * `cohort_size`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `percentage`
FROM `r_cohort_sizes`
UNION ALL
SELECT `cohort`, 1 `offset`, `cohort_size`, `returned_1` `returned`, CAST((CAST((20000 * `returned_1` + `cohort_size`) AS BIGINT) DIV CAST((NULLIF(2 * `cohort_size`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `percentage`
FROM `r_cohort_sizes`
UNION ALL
SELECT `cohort`, 2 `offset`, `cohort_size`, `returned_2` `returned`, CAST((CAST((20000 * `returned_2` + `cohort_size`) AS BIGINT) DIV CAST((NULLIF(2 * `cohort_size`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `percentage`
FROM `r_cohort_sizes`
