WITH `f_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`) `event_order`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'b' THEN 1 ELSE 0 END `step_2`, CASE WHEN `event_name` = 'c' THEN 1 ELSE 0 END `step_3`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL
),
`f_entries` AS (
  SELECT `key_user_id`, `event_order` `step_1_order`, `event_micros` `step_1_micros`, `event_time` `entry_time`
  FROM `f_events`
  WHERE `step_1` = 1
),
`f_step_2_b` AS (
  SELECT `f_entries`.`key_user_id`, `f_entries`.`step_1_order`, `f_entries`.`step_1_micros`, `f_entries`.`entry_time`, MIN(CASE WHEN `f_events`.`step_2` = 1 AND `f_events`.`event_order` > `f_entries`.`step_1_order` AND `f_events`.`event_micros` <> `f_entries`.`step_1_micros` THEN `f_events`.`event_order` ELSE NULL END) `step_2_order`, MIN(CASE WHEN `f_events`.`step_2` = 1 AND `f_events`.`event_order` > `f_entries`.`step_1_order` AND `f_events`.`event_micros` <> `f_entries`.`step_1_micros` THEN `f_events`.`event_micros` ELSE NULL END) `step_2_micros`
  FROM `f_entries`
    LEFT JOIN `f_events` ON `f_entries`.`key_user_id` = `f_events`.`key_user_id` AND `f_entries`.`step_1_order` <= `f_events`.`event_order` AND `f_events`.`event_micros` <= `f_entries`.`step_1_micros` + 3600000000
  GROUP BY `f_entries`.`key_user_id`, `f_entries`.`step_1_order`, `f_entries`.`step_1_micros`, `f_entries`.`entry_time`
),
`f_step_3_c` AS (
  SELECT `f_step_2_b`.`key_user_id`, `f_step_2_b`.`step_1_order`, `f_step_2_b`.`step_1_micros`, `f_step_2_b`.`entry_time`, `f_step_2_b`.`step_2_order`, `f_step_2_b`.`step_2_micros`, MIN(CASE WHEN `f_events`.`step_3` = 1 AND (`f_events`.`event_order` > `f_step_2_b`.`step_2_order` AND `f_events`.`event_micros` <> `f_step_2_b`.`step_2_micros` OR `f_events`.`event_order` = `f_step_2_b`.`step_2_order`) THEN `f_events`.`event_order` ELSE NULL END) `step_3_order`, MIN(CASE WHEN `f_events`.`step_3` = 1 AND (`f_events`.`event_order` > `f_step_2_b`.`step_2_order` AND `f_events`.`event_micros` <> `f_step_2_b`.`step_2_micros` OR `f_events`.`event_order` = `f_step_2_b`.`step_2_order`) THEN `f_events`.`event_micros` ELSE NULL END) `step_3_micros`
  FROM `f_step_2_b`
    LEFT JOIN `f_events` ON `f_step_2_b`.`key_user_id` = `f_events`.`key_user_id` AND `f_step_2_b`.`step_2_order` <= `f_events`.`event_order` AND `f_events`.`event_micros` <= `f_step_2_b`.`step_1_micros` + 3600000000
  GROUP BY `f_step_2_b`.`key_user_id`, `f_step_2_b`.`step_1_order`, `f_step_2_b`.`step_1_micros`, `f_step_2_b`.`entry_time`, `f_step_2_b`.`step_2_order`, `f_step_2_b`.`step_2_micros`
),
`f_levels` AS (
  SELECT `key_user_id`, `step_1_order`, `step_1_micros`, `entry_time`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`, CASE WHEN `step_3_order` IS NOT NULL THEN 3 WHEN `step_2_order` IS NOT NULL THEN 2 WHEN `step_1_order` IS NOT NULL THEN 1 ELSE 0 END `level`
  FROM `f_step_3_c`
),
`f_ranked_attempts` AS (
  SELECT `key_user_id`, `step_1_order`, `step_1_micros`, `entry_time`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`, `level`, ROW_NUMBER() OVER (PARTITION BY `key_user_id` ORDER BY `level` DESC NULLS FIRST, `step_1_order` NULLS LAST) `attempt_rank`
  FROM `f_levels`
),
`f_best_attempt` AS (
  SELECT `key_user_id`, `step_1_order`, `step_1_micros`, `entry_time`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`, `level`
  FROM `f_ranked_attempts`
  WHERE `attempt_rank` = 1
),
`f_keys` AS (
  SELECT `key_user_id`
  FROM `f_events`
  GROUP BY `key_user_id`
),
`f_attempts` AS (
  SELECT `f_keys`.`key_user_id`, `f_best_attempt`.`step_1_order`, `f_best_attempt`.`step_1_micros`, `f_best_attempt`.`entry_time`, `f_best_attempt`.`step_2_order`, `f_best_attempt`.`step_2_micros`, `f_best_attempt`.`step_3_order`, `f_best_attempt`.`step_3_micros`, COALESCE(`f_best_attempt`.`level`, 0) `level`
  FROM `f_keys`
    LEFT JOIN `f_best_attempt` ON `f_keys`.`key_user_id` = `f_best_attempt`.`key_user_id`
)
SELECT `key_user_id` `user_id`, `level` `furthest_step`, CASE WHEN `level` = 1 THEN 'a' WHEN `level` = 2 THEN 'b' WHEN `level` = 3 THEN 'c' ELSE NULL END `furthest_step_name`
FROM `f_attempts`
