WITH `r_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, CASE WHEN `event_name` = 'signup' THEN 1 ELSE 0 END `cohort_event`, CASE WHEN `event_name` = 'login' THEN 1 ELSE 0 END `return_event`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL AND (`event_name` = 'signup' OR `event_name` = 'login')
),
`r_periods` AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `cohort_event`, `return_event`, CAST(`event_time` AS DATE) `period_start`
  FROM `r_events`
),
`r_cohorts` AS (
  SELECT `key_user_id`, MIN(`event_micros`) `cohort_micros`, MIN(`period_start`) `cohort`
  FROM `r_periods`
  WHERE `cohort_event` = 1
  GROUP BY `key_user_id`
),
`r_return_events` AS (
  SELECT *
  FROM `r_periods`
  WHERE `return_event` = 1
),
`r_returns` AS (
  SELECT `r_cohorts`.`key_user_id`, `r_cohorts`.`cohort_micros`, `r_cohorts`.`cohort`, MAX(CASE WHEN (CAST((`r_return_events`.`event_micros` - `r_cohorts`.`cohort_micros`) AS BIGINT) DIV CAST(86400000000 AS BIGINT)) >= 0 THEN 1 ELSE 0 END) `returned_0`, MAX(CASE WHEN (CAST((`r_return_events`.`event_micros` - `r_cohorts`.`cohort_micros`) AS BIGINT) DIV CAST(86400000000 AS BIGINT)) >= 1 THEN 1 ELSE 0 END) `returned_1`, MAX(CASE WHEN (CAST((`r_return_events`.`event_micros` - `r_cohorts`.`cohort_micros`) AS BIGINT) DIV CAST(86400000000 AS BIGINT)) >= 2 THEN 1 ELSE 0 END) `returned_2`
  FROM `r_cohorts`
    LEFT JOIN `r_return_events` ON `r_cohorts`.`key_user_id` = `r_return_events`.`key_user_id` AND `r_cohorts`.`cohort_micros` <= `r_return_events`.`event_micros`
  GROUP BY `r_cohorts`.`key_user_id`, `r_cohorts`.`cohort_micros`, `r_cohorts`.`cohort`
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
