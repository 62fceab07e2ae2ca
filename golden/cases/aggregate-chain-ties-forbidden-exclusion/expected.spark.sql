WITH `f_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'b' THEN 1 ELSE 0 END `step_2`, CASE WHEN `event_name` = 'c' THEN 1 ELSE 0 END `step_3`, CASE WHEN `platform` = 'bot' THEN 1 ELSE 0 END `excluded_1`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL AND (`event_name` = 'a' OR `event_name` = 'b' OR `event_name` = 'c' OR `platform` = 'bot')
),
`f_a` AS (
  SELECT `user_id` `key_user_id`, unix_micros(CAST((MIN(`occurred_at`)) AS TIMESTAMP)) `step_1_micros`, MIN(`occurred_at`) `step_1_time`, timestampadd(MICROSECOND, 3600000000 , (MIN(`occurred_at`))) `window_end`
  FROM `events`
  WHERE `event_name` = 'a'
  GROUP BY `user_id`
  HAVING `user_id` IS NOT NULL AND MIN(`occurred_at`) IS NOT NULL
),
`f_b` AS (
  SELECT `f_a`.`key_user_id`, unix_micros(CAST((MIN(`events`.`occurred_at`)) AS TIMESTAMP)) `step_2_micros`, MIN(`events`.`occurred_at`) `step_2_time`, MIN(`f_a`.`window_end`) `window_end`
  FROM `f_a`
    INNER JOIN `events` ON `f_a`.`key_user_id` = `events`.`user_id` AND `f_a`.`step_1_time` < `events`.`occurred_at` AND `f_a`.`window_end` >= `events`.`occurred_at`
  WHERE `events`.`event_name` = 'b'
  GROUP BY `f_a`.`key_user_id`
),
`f_c` AS (
  SELECT `f_b`.`key_user_id`, unix_micros(CAST((MIN(`events`.`occurred_at`)) AS TIMESTAMP)) `step_3_micros`, MIN(`events`.`occurred_at`) `step_3_time`
  FROM `f_b`
    INNER JOIN `events` ON `f_b`.`key_user_id` = `events`.`user_id` AND `f_b`.`step_2_time` < `events`.`occurred_at` AND `f_b`.`window_end` >= `events`.`occurred_at`
  WHERE `events`.`event_name` = 'c'
  GROUP BY `f_b`.`key_user_id`
),
`f_attempts` AS (
  SELECT `f_a`.`key_user_id`, `f_a`.`step_1_micros`, `f_b`.`step_2_micros`, `f_c`.`step_3_micros`, CASE WHEN `f_c`.`step_3_micros` IS NOT NULL THEN 3 WHEN `f_b`.`step_2_micros` IS NOT NULL THEN 2 WHEN `f_a`.`step_1_micros` IS NOT NULL THEN 1 ELSE 0 END `level`
  FROM `f_a`
    LEFT JOIN `f_b` ON `f_a`.`key_user_id` = `f_b`.`key_user_id`
    LEFT JOIN `f_c` ON `f_a`.`key_user_id` = `f_c`.`key_user_id`
),
`f_exclusion_bot` AS (
  SELECT `f_attempts`.`key_user_id`, `f_attempts`.`step_1_micros`, `f_attempts`.`step_2_micros`, `f_attempts`.`step_3_micros`, CASE WHEN COUNT(`f_events`.`event_micros`) > 0 THEN 1 ELSE `f_attempts`.`level` END `level`
  FROM `f_attempts`
    LEFT JOIN `f_events` ON `f_attempts`.`key_user_id` = `f_events`.`key_user_id` AND `f_attempts`.`level` >= 2 AND `f_events`.`excluded_1` = 1 AND `f_attempts`.`step_1_micros` < `f_events`.`event_micros` AND `f_attempts`.`step_2_micros` > `f_events`.`event_micros`
  GROUP BY `f_attempts`.`key_user_id`, `f_attempts`.`step_1_micros`, `f_attempts`.`step_2_micros`, `f_attempts`.`step_3_micros`, `f_attempts`.`level`
),
`f_conversions` AS (
  SELECT CASE WHEN `level` = 2 THEN `step_2_micros` WHEN `level` = 3 THEN `step_3_micros` ELSE NULL END - `step_1_micros` `convert_micros`
  FROM `f_exclusion_bot`
  WHERE `level` >= 2
),
`f_conversion_summary` AS (
  SELECT COUNT(*) `converted`, SUM(`convert_micros`) `total_micros`, PERCENTILE_CONT(5E-1) WITHIN GROUP (ORDER BY `convert_micros` NULLS LAST) `median_micros`, PERCENTILE_CONT(9E-1) WITHIN GROUP (ORDER BY `convert_micros` NULLS LAST) `p90_micros`
  FROM `f_conversions`
)
SELECT `converted` `count`, CASE WHEN `converted` = 0 THEN NULL ELSE CAST((CAST((2 * `total_micros` + `converted`) AS BIGINT) DIV CAST((2 * `converted`) AS BIGINT)) AS DOUBLE) / 1.0000000E6 END `average_seconds`, CAST(FLOOR(CAST(`median_micros` AS DOUBLE) + 5E-1) AS DOUBLE) / 1.0000000E6 `median_seconds`, CAST(FLOOR(CAST(`p90_micros` AS DOUBLE) + 5E-1) AS DOUBLE) / 1.0000000E6 `p90_seconds`
FROM `f_conversion_summary`
