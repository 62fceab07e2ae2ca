WITH `f_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`) `event_order`, CASE WHEN `event_name` = 'view' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'cart' THEN 1 ELSE 0 END `step_2`, CASE WHEN `event_name` = 'buy' THEN 1 ELSE 0 END `step_3`, CASE WHEN `event_name` = 'refund' THEN 1 ELSE 0 END `excluded_1`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND (`event_name` = 'view' OR `event_name` = 'cart' OR `event_name` = 'buy' OR `event_name` = 'refund')
),
`f_entries` AS (
  SELECT `key_user_id`, `event_order` `step_1_order`, `event_micros` `step_1_micros`, `event_time` `entry_time`
  FROM `f_events`
  WHERE `step_1` = 1
),
`f_step_2_cart` AS (
  SELECT `f_entries`.`key_user_id`, `f_entries`.`step_1_order`, `f_entries`.`step_1_micros`, `f_entries`.`entry_time`, MIN(CASE WHEN `f_events`.`step_2` = 1 AND `f_events`.`event_order` > `f_entries`.`step_1_order` THEN `f_events`.`event_order` ELSE NULL END) `step_2_order`, MIN(CASE WHEN `f_events`.`step_2` = 1 AND `f_events`.`event_order` > `f_entries`.`step_1_order` THEN `f_events`.`event_micros` ELSE NULL END) `step_2_micros`
  FROM `f_entries`
    LEFT JOIN `f_events` ON `f_entries`.`key_user_id` = `f_events`.`key_user_id` AND `f_entries`.`step_1_order` <= `f_events`.`event_order` AND `f_events`.`event_micros` <= `f_entries`.`step_1_micros` + 3600000000
  GROUP BY `f_entries`.`key_user_id`, `f_entries`.`step_1_order`, `f_entries`.`step_1_micros`, `f_entries`.`entry_time`
),
`f_step_3_buy` AS (
  SELECT `f_step_2_cart`.`key_user_id`, `f_step_2_cart`.`step_1_order`, `f_step_2_cart`.`step_1_micros`, `f_step_2_cart`.`entry_time`, `f_step_2_cart`.`step_2_order`, `f_step_2_cart`.`step_2_micros`, MIN(CASE WHEN `f_events`.`step_3` = 1 AND (`f_events`.`event_order` > `f_step_2_cart`.`step_2_order` OR `f_events`.`event_order` = `f_step_2_cart`.`step_2_order`) THEN `f_events`.`event_order` ELSE NULL END) `step_3_order`, MIN(CASE WHEN `f_events`.`step_3` = 1 AND (`f_events`.`event_order` > `f_step_2_cart`.`step_2_order` OR `f_events`.`event_order` = `f_step_2_cart`.`step_2_order`) THEN `f_events`.`event_micros` ELSE NULL END) `step_3_micros`
  FROM `f_step_2_cart`
    LEFT JOIN `f_events` ON `f_step_2_cart`.`key_user_id` = `f_events`.`key_user_id` AND `f_step_2_cart`.`step_2_order` <= `f_events`.`event_order` AND `f_events`.`event_micros` <= `f_step_2_cart`.`step_1_micros` + 3600000000
  GROUP BY `f_step_2_cart`.`key_user_id`, `f_step_2_cart`.`step_1_order`, `f_step_2_cart`.`step_1_micros`, `f_step_2_cart`.`entry_time`, `f_step_2_cart`.`step_2_order`, `f_step_2_cart`.`step_2_micros`
),
`f_levels` AS (
  SELECT `key_user_id`, `step_1_order`, `step_1_micros`, `entry_time`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`, CASE WHEN `step_3_order` IS NOT NULL THEN 3 WHEN `step_2_order` IS NOT NULL THEN 2 WHEN `step_1_order` IS NOT NULL THEN 1 ELSE 0 END `level`
  FROM `f_step_3_buy`
),
`f_exclusion_refund` AS (
  SELECT `f_levels`.`key_user_id`, `f_levels`.`step_1_order`, `f_levels`.`step_1_micros`, `f_levels`.`entry_time`, `f_levels`.`step_2_order`, `f_levels`.`step_2_micros`, `f_levels`.`step_3_order`, `f_levels`.`step_3_micros`, CASE WHEN COUNT(`f_events`.`event_micros`) > 0 THEN 2 ELSE `f_levels`.`level` END `level`
  FROM `f_levels`
    LEFT JOIN `f_events` ON `f_levels`.`key_user_id` = `f_events`.`key_user_id` AND `f_levels`.`level` >= 3 AND `f_events`.`excluded_1` = 1 AND `f_levels`.`step_2_micros` < `f_events`.`event_micros` AND `f_levels`.`step_3_micros` > `f_events`.`event_micros`
  GROUP BY `f_levels`.`key_user_id`, `f_levels`.`step_1_order`, `f_levels`.`step_1_micros`, `f_levels`.`entry_time`, `f_levels`.`step_2_order`, `f_levels`.`step_2_micros`, `f_levels`.`step_3_order`, `f_levels`.`step_3_micros`, `f_levels`.`level`
),
`f_reached` AS (
  SELECT SUM(CASE WHEN `level` >= 1 THEN 1 ELSE 0 END) `reached_1`, SUM(CASE WHEN `level` >= 2 THEN 1 ELSE 0 END) `reached_2`, SUM(CASE WHEN `level` >= 3 THEN 1 ELSE 0 END) `reached_3`
  FROM `f_exclusion_refund`
  WHERE `level` >= 1
),
`f_step_counts` AS (
  SELECT 1 `step`, 'view' `name`, COALESCE(`reached_1`, 0) `count`, CAST(NULL AS INTEGER) `previous_count`, CAST(NULL AS INTEGER) `first_count`
  FROM `f_reached`
  UNION ALL
  SELECT 2 `step`, 'cart' `name`, COALESCE(`reached_2`, 0) `count`, COALESCE(`reached_1`, 0) `previous_count`, COALESCE(`reached_1`, 0) `first_count`
  FROM `f_reached`
  UNION ALL
  SELECT 3 `step`, 'buy' `name`, COALESCE(`reached_3`, 0) `count`, COALESCE(`reached_2`, 0) `previous_count`, COALESCE(`reached_1`, 0) `first_count`
  FROM `f_reached`
)
SELECT `step`, `name`, `count`, CAST((CAST((20000 * `count` + `previous_count`) AS BIGINT) DIV CAST((NULLIF(2 * `previous_count`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `conversion_from_previous`, CAST((CAST((20000 * `count` + `first_count`) AS BIGINT) DIV CAST((NULLIF(2 * `first_count`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `conversion_from_first`
FROM `f_step_counts`
