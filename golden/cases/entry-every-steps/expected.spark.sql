WITH `f_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`) `event_order`, CASE WHEN `event_name` = 'a' OR `event_name` = 'ab' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'b' OR `event_name` = 'ab' THEN 1 ELSE 0 END `step_2`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL AND (`event_name` = 'a' OR `event_name` = 'ab' OR `event_name` = 'b')
),
`f_entries` AS (
  SELECT `key_user_id`, `event_order` `step_1_order`, `event_micros` `step_1_micros`, `event_time` `entry_time`
  FROM `f_events`
  WHERE `step_1` = 1
),
`f_step_2_b` AS (
  SELECT `f_entries`.`key_user_id`, `f_entries`.`step_1_order`, `f_entries`.`step_1_micros`, `f_entries`.`entry_time`, MIN(CASE WHEN `f_events`.`step_2` = 1 AND (`f_events`.`event_order` > `f_entries`.`step_1_order` OR `f_events`.`event_order` = `f_entries`.`step_1_order`) THEN `f_events`.`event_order` ELSE NULL END) `step_2_order`, MIN(CASE WHEN `f_events`.`step_2` = 1 AND (`f_events`.`event_order` > `f_entries`.`step_1_order` OR `f_events`.`event_order` = `f_entries`.`step_1_order`) THEN `f_events`.`event_micros` ELSE NULL END) `step_2_micros`
  FROM `f_entries`
    LEFT JOIN `f_events` ON `f_entries`.`key_user_id` = `f_events`.`key_user_id` AND `f_entries`.`step_1_order` <= `f_events`.`event_order` AND `f_events`.`event_micros` <= `f_entries`.`step_1_micros` + 3600000000
  GROUP BY `f_entries`.`key_user_id`, `f_entries`.`step_1_order`, `f_entries`.`step_1_micros`, `f_entries`.`entry_time`
),
`f_levels` AS (
  SELECT `key_user_id`, `step_1_order`, `step_1_micros`, `entry_time`, `step_2_order`, `step_2_micros`, CASE WHEN `step_2_order` IS NOT NULL THEN 2 WHEN `step_1_order` IS NOT NULL THEN 1 ELSE 0 END `level`
  FROM `f_step_2_b`
),
`f_reached` AS (
  SELECT SUM(CASE WHEN `level` >= 1 THEN 1 ELSE 0 END) `reached_1`, SUM(CASE WHEN `level` >= 2 THEN 1 ELSE 0 END) `reached_2`
  FROM `f_levels`
  WHERE `level` >= 1
),
`f_step_counts` AS (
  SELECT 1 `step`, 'a' `name`, COALESCE(`reached_1`, 0) `count`, CAST(NULL AS INTEGER) `previous_count`, CAST(NULL AS INTEGER) `first_count`
  FROM `f_reached`
  UNION ALL
  SELECT 2 `step`, 'b' `name`, COALESCE(`reached_2`, 0) `count`, COALESCE(`reached_1`, 0) `previous_count`, COALESCE(`reached_1`, 0) `first_count`
  FROM `f_reached`
)
SELECT `step`, `name`, `count`, CAST((CAST((20000 * `count` + `previous_count`) AS BIGINT) DIV CAST((NULLIF(2 * `previous_count`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `conversion_from_previous`, CAST((CAST((20000 * `count` + `first_count`) AS BIGINT) DIV CAST((NULLIF(2 * `first_count`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `conversion_from_first`
FROM `f_step_counts`
