WITH `f_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`) `event_order`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'b' OR `event_name` = 'bb' THEN 1 ELSE 0 END `step_2`, CASE WHEN `event_name` = 'c' THEN 1 ELSE 0 END `step_3`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL
),
`f_chain` AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `step_1`, `step_2`, `step_3`, MAX(CASE WHEN `step_1` = 1 THEN `event_order` ELSE NULL END) OVER (PARTITION BY `key_user_id` ORDER BY `event_micros` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `chain_1_step_1_order`, MAX(CASE WHEN `step_1` = 1 THEN `event_micros` ELSE NULL END) OVER (PARTITION BY `key_user_id` ORDER BY `event_micros` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `chain_1_step_1_micros`
  FROM `f_events`
),
`f_chain_2` AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `step_1`, `step_2`, `step_3`, `chain_1_step_1_order`, `chain_1_step_1_micros`, MAX(CASE WHEN `step_2` = 1 AND `chain_1_step_1_micros` IS NOT NULL AND `event_micros` <= `chain_1_step_1_micros` + 600000000 THEN `chain_1_step_1_order` ELSE NULL END) OVER (PARTITION BY `key_user_id` ORDER BY `event_micros` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `chain_2_step_1_order`, MAX(CASE WHEN `step_2` = 1 AND `chain_1_step_1_micros` IS NOT NULL AND `event_micros` <= `chain_1_step_1_micros` + 600000000 THEN `chain_1_step_1_micros` ELSE NULL END) OVER (PARTITION BY `key_user_id` ORDER BY `event_micros` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `chain_2_step_1_micros`, MAX(CASE WHEN `step_2` = 1 AND `chain_1_step_1_micros` IS NOT NULL AND `event_micros` <= `chain_1_step_1_micros` + 600000000 THEN `event_order` ELSE NULL END) OVER (PARTITION BY `key_user_id` ORDER BY `event_micros` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `chain_2_step_2_order`, MAX(CASE WHEN `step_2` = 1 AND `chain_1_step_1_micros` IS NOT NULL AND `event_micros` <= `chain_1_step_1_micros` + 600000000 THEN `event_micros` ELSE NULL END) OVER (PARTITION BY `key_user_id` ORDER BY `event_micros` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `chain_2_step_2_micros`
  FROM `f_chain`
),
`f_chains` AS (
  SELECT `key_user_id`, MIN(CASE WHEN `step_3` = 1 AND `chain_2_step_2_micros` IS NOT NULL AND `event_micros` <= `chain_2_step_1_micros` + 600000000 THEN `chain_2_step_1_order` ELSE NULL END) `chain_3_step_1_order`, MIN(CASE WHEN `step_3` = 1 AND `chain_2_step_2_micros` IS NOT NULL AND `event_micros` <= `chain_2_step_1_micros` + 600000000 THEN `chain_2_step_1_micros` ELSE NULL END) `chain_3_step_1_micros`, MIN(CASE WHEN `step_3` = 1 AND `chain_2_step_2_micros` IS NOT NULL AND `event_micros` <= `chain_2_step_1_micros` + 600000000 THEN `event_order` ELSE NULL END) `chain_3_step_3_order`, MIN(CASE WHEN `step_3` = 1 AND `chain_2_step_2_micros` IS NOT NULL AND `event_micros` <= `chain_2_step_1_micros` + 600000000 THEN `event_micros` ELSE NULL END) `chain_3_step_3_micros`, MAX(`chain_1_step_1_order`) `chain_1_step_1_order`, MAX(`chain_1_step_1_micros`) `chain_1_step_1_micros`, MAX(`chain_2_step_1_order`) `chain_2_step_1_order`, MAX(`chain_2_step_1_micros`) `chain_2_step_1_micros`, MAX(`chain_2_step_2_order`) `chain_2_step_2_order`, MAX(`chain_2_step_2_micros`) `chain_2_step_2_micros`
  FROM `f_chain_2`
  GROUP BY `key_user_id`
),
`f_levels` AS (
  SELECT `key_user_id`, `chain_3_step_1_order`, `chain_3_step_1_micros`, `chain_3_step_3_order`, `chain_3_step_3_micros`, `chain_1_step_1_order`, `chain_1_step_1_micros`, `chain_2_step_1_order`, `chain_2_step_1_micros`, `chain_2_step_2_order`, `chain_2_step_2_micros`, CASE WHEN `chain_3_step_3_order` IS NOT NULL THEN 3 WHEN `chain_2_step_2_order` IS NOT NULL THEN 2 WHEN `chain_1_step_1_order` IS NOT NULL THEN 1 ELSE 0 END `level`
  FROM `f_chains`
),
`f_attempts` AS (
  SELECT `key_user_id`, `level`, CASE WHEN `level` = 1 THEN `chain_1_step_1_order` WHEN `level` = 2 THEN `chain_2_step_1_order` WHEN `level` = 3 THEN `chain_3_step_1_order` ELSE NULL END `step_1_order`, CASE WHEN `level` = 1 THEN `chain_1_step_1_micros` WHEN `level` = 2 THEN `chain_2_step_1_micros` WHEN `level` = 3 THEN `chain_3_step_1_micros` ELSE NULL END `step_1_micros`, CASE WHEN `level` = 2 THEN `chain_2_step_2_order` ELSE NULL END `step_2_order`, CASE WHEN `level` = 2 THEN `chain_2_step_2_micros` ELSE NULL END `step_2_micros`, CASE WHEN `level` = 3 THEN `chain_3_step_3_order` ELSE NULL END `step_3_order`, CASE WHEN `level` = 3 THEN `chain_3_step_3_micros` ELSE NULL END `step_3_micros`
  FROM `f_levels`
)
SELECT `key_user_id` `user_id`, `level` `furthest_step`, CASE WHEN `level` = 1 THEN 'a' WHEN `level` = 2 THEN 'b' WHEN `level` = 3 THEN 'c' ELSE NULL END `furthest_step_name`
FROM `f_attempts`
