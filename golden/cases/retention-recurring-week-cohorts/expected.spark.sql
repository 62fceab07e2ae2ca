WITH `r_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, CASE WHEN `event_name` = 'login' THEN 1 ELSE 0 END `cohort_event`, CASE WHEN `event_name` = 'login' THEN 1 ELSE 0 END `return_event`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL AND `event_name` = 'login'
),
`r_periods` AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `cohort_event`, `return_event`, (CAST((CAST(unix_date((CAST(`event_time` AS DATE)) ) AS BIGINT) + 3) AS BIGINT) DIV CAST(7 AS BIGINT)) `period`, date_from_unix_date(CAST((CAST(unix_date((CAST(`event_time` AS DATE)) ) AS BIGINT) - MOD(CAST(unix_date((CAST(`event_time` AS DATE)) ) AS BIGINT) + 3, 7)) AS INT)) `period_start`
  FROM `r_events`
),
`r_cohorts` AS (
  SELECT `key_user_id`, `period` `cohort_period`, MIN(`event_micros`) `cohort_micros`, MIN(`period_start`) `cohort`
  FROM `r_periods`
  WHERE `cohort_event` = 1
  GROUP BY `key_user_id`, `period`
),
`r_activity` AS (
  SELECT `key_user_id`, `period`, MAX(`event_micros`) `last_return_micros`
  FROM `r_periods`
  WHERE `return_event` = 1
  GROUP BY `key_user_id`, `period`
),
`r_returns` AS (
  SELECT `r_cohorts`.`key_user_id`, `r_cohorts`.`cohort_period`, `r_cohorts`.`cohort_micros`, `r_cohorts`.`cohort`, MAX(CASE WHEN `r_activity`.`period` - `r_cohorts`.`cohort_period` = 0 THEN 1 ELSE 0 END) `returned_0`, MAX(CASE WHEN `r_activity`.`period` - `r_cohorts`.`cohort_period` = 1 THEN 1 ELSE 0 END) `returned_1`
  FROM `r_cohorts`
    LEFT JOIN `r_activity` ON `r_cohorts`.`key_user_id` = `r_activity`.`key_user_id` AND `r_cohorts`.`cohort_micros` <= `r_activity`.`last_return_micros` AND `r_cohorts`.`cohort_period` <= `r_activity`.`period` AND `r_activity`.`period` <= `r_cohorts`.`cohort_period` + 1
  GROUP BY `r_cohorts`.`key_user_id`, `r_cohorts`.`cohort_period`, `r_cohorts`.`cohort_micros`, `r_cohorts`.`cohort`
),
`r_cohort_sizes` AS (
  SELECT `cohort`, COUNT(*) `cohort_size`, SUM(COALESCE(`returned_0`, 0)) `returned_0`, SUM(COALESCE(`returned_1`, 0)) `returned_1`
  FROM `r_returns`
  GROUP BY `cohort`
)
SELECT `cohort`, 0 `offset`, `cohort_size`, `returned_0` `returned`, CAST((CAST((20000 * `returned_0` + `cohort_size`) AS BIGINT) DIV CAST((NULLIF(2 * `cohort_size`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `percentage`
FROM `r_cohort_sizes`
UNION ALL
SELECT `cohort`, 1 `offset`, `cohort_size`, `returned_1` `returned`, CAST((CAST((20000 * `returned_1` + `cohort_size`) AS BIGINT) DIV CAST((NULLIF(2 * `cohort_size`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `percentage`
FROM `r_cohort_sizes`
