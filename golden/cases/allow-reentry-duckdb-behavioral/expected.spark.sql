WITH RECURSIVE `f_events` (`key_user_id`, `event_time`, `event_micros`, `event_order`, `step_1`, `step_2`, `step_3`) AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`) `event_order`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'b' THEN 1 ELSE 0 END `step_2`, CASE WHEN `event_name` = 'c' THEN 1 ELSE 0 END `step_3`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL
),
`f_step_rows` (`key_user_id`, `event_order`, `event_micros`, `step_1`, `step_2`, `step_3`, `run_end_3`, `row_number`, `row_count`) AS (
  SELECT `key_user_id`, `event_order`, `event_micros`, `step_1`, `step_2`, `step_3`, CASE WHEN `step_3` = 0 THEN 2 ELSE 3 END `run_end_3`, ROW_NUMBER() OVER (PARTITION BY `key_user_id` ORDER BY `event_order` NULLS LAST) `row_number`, COUNT(*) OVER (PARTITION BY `key_user_id` ORDER BY `event_order` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) `row_count`
  FROM `f_events`
  WHERE `step_1` = 1 OR `step_2` = 1 OR `step_3` = 1
),
`f_attempt_scan` (`key_user_id`, `attempt_entry_order`, `row_number`, `next_row`, `level`, `step_1_order`, `step_1_micros`, `last_order`, `last_micros`) AS (
  SELECT `key_user_id`, CAST(`event_order` AS BIGINT) `attempt_entry_order`, CAST(`row_number` AS BIGINT) `row_number`, CAST(CASE WHEN `row_number` = `row_count` THEN CAST(NULL AS BIGINT) ELSE `row_number` + 1 END AS BIGINT) `next_row`, CAST(1 AS BIGINT) `level`, CAST(`event_order` AS BIGINT) `step_1_order`, CAST(`event_micros` AS BIGINT) `step_1_micros`, CAST(`event_order` AS BIGINT) `last_order`, CAST(`event_micros` AS BIGINT) `last_micros`
  FROM `f_step_rows`
  WHERE `step_1` = 1
  UNION ALL
  SELECT `f_attempt_scan`.`key_user_id`, CAST(`f_attempt_scan`.`attempt_entry_order` AS BIGINT) `attempt_entry_order`, CAST(`f_step_rows`.`row_number` AS BIGINT) `row_number`, CAST(CASE WHEN `f_step_rows`.`event_micros` > `f_attempt_scan`.`step_1_micros` + 3600000000 OR `f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND NOT (`f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND `f_attempt_scan`.`level` > 1 AND `f_step_rows`.`step_1` = 1) AND CASE WHEN `f_attempt_scan`.`level` = 1 THEN `f_step_rows`.`step_2` WHEN `f_attempt_scan`.`level` = 2 THEN `f_step_rows`.`step_3` ELSE `f_step_rows`.`step_3` END = 1 AND CASE WHEN `f_attempt_scan`.`level` = 1 THEN `f_step_rows`.`run_end_3` WHEN `f_attempt_scan`.`level` = 2 THEN 3 ELSE 3 END = 3 OR `f_step_rows`.`row_number` = `f_step_rows`.`row_count` THEN CAST(NULL AS BIGINT) ELSE `f_step_rows`.`row_number` + 1 END AS BIGINT) `next_row`, CAST(CASE WHEN `f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND `f_attempt_scan`.`level` > 1 AND `f_step_rows`.`step_1` = 1 THEN 1 WHEN `f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND NOT (`f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND `f_attempt_scan`.`level` > 1 AND `f_step_rows`.`step_1` = 1) AND CASE WHEN `f_attempt_scan`.`level` = 1 THEN `f_step_rows`.`step_2` WHEN `f_attempt_scan`.`level` = 2 THEN `f_step_rows`.`step_3` ELSE `f_step_rows`.`step_3` END = 1 THEN CASE WHEN `f_attempt_scan`.`level` = 1 THEN `f_step_rows`.`run_end_3` WHEN `f_attempt_scan`.`level` = 2 THEN 3 ELSE 3 END ELSE `f_attempt_scan`.`level` END AS BIGINT) `level`, CAST(CASE WHEN `f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND `f_attempt_scan`.`level` > 1 AND `f_step_rows`.`step_1` = 1 THEN `f_step_rows`.`event_order` ELSE `f_attempt_scan`.`step_1_order` END AS BIGINT) `step_1_order`, CAST(CASE WHEN `f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND `f_attempt_scan`.`level` > 1 AND `f_step_rows`.`step_1` = 1 THEN `f_step_rows`.`event_micros` ELSE `f_attempt_scan`.`step_1_micros` END AS BIGINT) `step_1_micros`, CAST(CASE WHEN `f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND `f_attempt_scan`.`level` > 1 AND `f_step_rows`.`step_1` = 1 OR `f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND NOT (`f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND `f_attempt_scan`.`level` > 1 AND `f_step_rows`.`step_1` = 1) AND CASE WHEN `f_attempt_scan`.`level` = 1 THEN `f_step_rows`.`step_2` WHEN `f_attempt_scan`.`level` = 2 THEN `f_step_rows`.`step_3` ELSE `f_step_rows`.`step_3` END = 1 THEN `f_step_rows`.`event_order` ELSE `f_attempt_scan`.`last_order` END AS BIGINT) `last_order`, CAST(CASE WHEN `f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND `f_attempt_scan`.`level` > 1 AND `f_step_rows`.`step_1` = 1 OR `f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND NOT (`f_step_rows`.`event_micros` <= `f_attempt_scan`.`step_1_micros` + 3600000000 AND `f_attempt_scan`.`level` > 1 AND `f_step_rows`.`step_1` = 1) AND CASE WHEN `f_attempt_scan`.`level` = 1 THEN `f_step_rows`.`step_2` WHEN `f_attempt_scan`.`level` = 2 THEN `f_step_rows`.`step_3` ELSE `f_step_rows`.`step_3` END = 1 THEN `f_step_rows`.`event_micros` ELSE `f_attempt_scan`.`last_micros` END AS BIGINT) `last_micros`
  FROM `f_attempt_scan`
    INNER JOIN `f_step_rows` ON `f_attempt_scan`.`key_user_id` = `f_step_rows`.`key_user_id` AND `f_attempt_scan`.`next_row` = `f_step_rows`.`row_number`
),
`f_attempt_ends` (`key_user_id`, `attempt_entry_order`, `row_number`, `next_row`, `level`, `step_1_order`, `step_1_micros`, `last_order`, `last_micros`) AS (
  SELECT *
  FROM `f_attempt_scan`
  WHERE `next_row` IS NULL
),
`f_walked_attempts` (`key_user_id`, `attempt_entry_order`, `level`, `step_1_order`, `step_1_micros`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`) AS (
  SELECT `key_user_id`, `attempt_entry_order`, `level`, `step_1_order`, `step_1_micros`, CASE WHEN `level` = 2 THEN `last_order` ELSE NULL END `step_2_order`, CASE WHEN `level` = 2 THEN `last_micros` ELSE NULL END `step_2_micros`, CASE WHEN `level` = 3 THEN `last_order` ELSE NULL END `step_3_order`, CASE WHEN `level` = 3 THEN `last_micros` ELSE NULL END `step_3_micros`
  FROM `f_attempt_ends`
),
`f_ranked_attempts` (`key_user_id`, `attempt_entry_order`, `level`, `step_1_order`, `step_1_micros`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`, `attempt_rank`) AS (
  SELECT `key_user_id`, `attempt_entry_order`, `level`, `step_1_order`, `step_1_micros`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`, ROW_NUMBER() OVER (PARTITION BY `key_user_id` ORDER BY `level` DESC NULLS FIRST, `attempt_entry_order` NULLS LAST) `attempt_rank`
  FROM `f_walked_attempts`
),
`f_best_attempt` (`key_user_id`, `attempt_entry_order`, `level`, `step_1_order`, `step_1_micros`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`) AS (
  SELECT `key_user_id`, `attempt_entry_order`, `level`, `step_1_order`, `step_1_micros`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`
  FROM `f_ranked_attempts`
  WHERE `attempt_rank` = 1
),
`f_keys` (`key_user_id`, `has_attempt`) AS (
  SELECT `key_user_id`, MAX(CASE WHEN `step_1` = 1 THEN 1 ELSE 0 END) `has_attempt`
  FROM `f_events`
  GROUP BY `key_user_id`
),
`f_attempts` (`key_user_id`, `attempt_entry_order`, `level`, `step_1_order`, `step_1_micros`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`) AS (
  SELECT *
  FROM `f_best_attempt`
  UNION ALL
  SELECT `key_user_id`, NULL `attempt_entry_order`, 0 `level`, NULL `step_1_order`, NULL `step_1_micros`, NULL `step_2_order`, NULL `step_2_micros`, NULL `step_3_order`, NULL `step_3_micros`
  FROM `f_keys`
  WHERE `has_attempt` = 0
)
SELECT `key_user_id` `user_id`, `level` `furthest_step`, CASE WHEN `level` = 1 THEN 'a' WHEN `level` = 2 THEN 'b' WHEN `level` = 3 THEN 'c' ELSE NULL END `furthest_step_name`
FROM `f_attempts`
