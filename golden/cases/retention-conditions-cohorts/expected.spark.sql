WITH `r_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, CASE WHEN `event_name` = 'signup' THEN 1 ELSE 0 END `condition_1`, CASE WHEN `event_name` = 'add_to_cart' THEN 1 ELSE 0 END `condition_2`, CASE WHEN `event_name` = 'purchase' AND `revenue` > 0 THEN 1 ELSE 0 END `condition_3`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL AND (`event_name` = 'purchase' AND `revenue` > 0 OR NOT (`event_name` = 'purchase' AND `revenue` > 0))
),
`r_conditions_seen` AS (
  SELECT `key_user_id`, MAX(`condition_1`) `condition_1`, MAX(`condition_2`) `condition_2`, MAX(`condition_3`) `condition_3`
  FROM `r_events`
  GROUP BY `key_user_id`
),
`r_per_key` AS (
  SELECT `key_user_id` `user_id`, `condition_1` * `condition_1` `signed_up`, `condition_1` * `condition_2` `carted`, `condition_1` * `condition_3` `bought`
  FROM `r_conditions_seen`
),
`r_totals` AS (
  SELECT SUM(`signed_up`) `total_1`, SUM(`carted`) `total_2`, SUM(`bought`) `total_3`
  FROM `r_per_key`
)
SELECT 1 `condition`, 'signed_up' `name`, COALESCE(`total_1`, 0) `keys`
FROM `r_totals`
UNION ALL
SELECT 2 `condition`, 'carted' `name`, COALESCE(`total_2`, 0) `keys`
FROM `r_totals`
UNION ALL
SELECT 3 `condition`, 'bought' `name`, COALESCE(`total_3`, 0) `keys`
FROM `r_totals`
