WITH `r_cohorts` AS (
  SELECT `account_id` `key_account_id`, `user_id` `key_user_id`, MIN(`occurred_at`) `cohort_time`, CAST((MIN(`occurred_at`)) AS DATE) `cohort`, CAST(unix_date((CAST((MIN(`occurred_at`)) AS DATE)) ) AS BIGINT) `cohort_period`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `account_id` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` = 'signup'
  GROUP BY `account_id`, `user_id`
),
`r_activity` AS (
  SELECT `account_id` `key_account_id`, `user_id` `key_user_id`, CAST(unix_date((CAST(`occurred_at` AS DATE)) ) AS BIGINT) `period`, MAX(`occurred_at`) `last_return_time`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `account_id` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` = 'login'
  GROUP BY `account_id`, `user_id`, CAST(unix_date((CAST(`occurred_at` AS DATE)) ) AS BIGINT)
),
`r_returns` AS (
  SELECT `r_cohorts`.`key_account_id`, `r_cohorts`.`key_user_id`, `r_cohorts`.`cohort_time`, `r_cohorts`.`cohort`, `r_cohorts`.`cohort_period`, MAX(CASE WHEN `r_activity`.`period` - `r_cohorts`.`cohort_period` = 0 THEN 1 ELSE 0 END) `returned_0`, MAX(CASE WHEN `r_activity`.`period` - `r_cohorts`.`cohort_period` = 1 THEN 1 ELSE 0 END) `returned_1`
  FROM `r_cohorts`
    LEFT JOIN `r_activity` ON `r_cohorts`.`key_account_id` = `r_activity`.`key_account_id` AND `r_cohorts`.`key_user_id` = `r_activity`.`key_user_id` AND `r_cohorts`.`cohort_time` <= `r_activity`.`last_return_time` AND `r_cohorts`.`cohort_period` <= `r_activity`.`period` AND `r_activity`.`period` <= `r_cohorts`.`cohort_period` + 1
  GROUP BY `r_cohorts`.`key_account_id`, `r_cohorts`.`key_user_id`, `r_cohorts`.`cohort_time`, `r_cohorts`.`cohort`, `r_cohorts`.`cohort_period`
)
SELECT `key_account_id` `account_id`, `key_user_id` `user_id`, `cohort`, ((COALESCE(`returned_0`, 0)) = 1) `returned_0`, ((COALESCE(`returned_1`, 0)) = 1) `returned_1`
FROM `r_returns`
