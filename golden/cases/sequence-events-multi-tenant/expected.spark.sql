WITH `s_events` AS (
  SELECT `account_id` `key_account_id`, `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `account_id`, `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`) `event_order`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `condition_1`, CASE WHEN `event_name` = 'b' THEN 1 ELSE 0 END `condition_2`, CASE WHEN `event_name` = 'c' THEN 1 ELSE 0 END `condition_3`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `account_id` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL
),
`s_stored_events` AS (
  SELECT `key_account_id`, `key_user_id`, ROW_NUMBER() OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_order` NULLS LAST) `event_number`, COUNT(*) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_order` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) `stored_events`, `event_micros`, `event_time`, `condition_1`, `condition_2`, `condition_3`
  FROM `s_events`
  WHERE `condition_1` = 1 OR `condition_2` = 1 OR `condition_3` = 1
),
`s_steps_3_to_3` AS (
  SELECT `key_account_id`, `key_user_id`, `event_number`, `stored_events`, `event_micros`, `event_time`, `condition_1`, `condition_2`, `condition_3`, CASE WHEN `condition_2` = 1 THEN CASE WHEN `event_number` + 1 <= `stored_events` THEN CAST(LEAD(`event_number`, 1) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` NULLS LAST) AS BIGINT) WHEN `event_number` + 1 = `stored_events` + 1 THEN CAST(`stored_events` + 1 AS BIGINT) ELSE CAST(NULL AS BIGINT) END ELSE NULL END `end_3`
  FROM `s_stored_events`
),
`s_step_2` AS (
  SELECT `key_account_id`, `key_user_id`, `event_number`, `stored_events`, `event_micros`, `event_time`, `condition_1`, `condition_2`, `condition_3`, CAST((MIN(CASE WHEN `end_3` IS NOT NULL THEN CAST(`event_number` * CAST(4294967296 AS BIGINT) + `end_3` AS BIGINT) ELSE NULL END) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) - CAST((CAST((MIN(CASE WHEN `end_3` IS NOT NULL THEN CAST(`event_number` * CAST(4294967296 AS BIGINT) + `end_3` AS BIGINT) ELSE NULL END) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS BIGINT) DIV CAST((CAST(4294967296 AS BIGINT)) AS BIGINT)) AS BIGINT) * CAST(4294967296 AS BIGINT) AS BIGINT) `end_2`, CAST(CAST((CAST((MIN(CASE WHEN `end_3` IS NOT NULL THEN CAST(`event_number` * CAST(4294967296 AS BIGINT) + `end_3` AS BIGINT) ELSE NULL END) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS BIGINT) DIV CAST((CAST(4294967296 AS BIGINT)) AS BIGINT)) AS BIGINT) AS BIGINT) `lands_2`
  FROM `s_steps_3_to_3`
),
`s_steps_1_to_1` AS (
  SELECT `key_account_id`, `key_user_id`, `event_number`, `stored_events`, `event_micros`, `event_time`, `condition_1`, `condition_2`, `condition_3`, `lands_2`, CASE WHEN `condition_1` = 1 THEN CASE WHEN `event_number` + 1 <= `stored_events` THEN CAST(LEAD(`end_2`, 1) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` NULLS LAST) AS BIGINT) ELSE CAST(NULL AS BIGINT) END ELSE NULL END `end_1`
  FROM `s_step_2`
),
`s_step_0` AS (
  SELECT `key_account_id`, `key_user_id`, `event_number`, `stored_events`, `event_micros`, `event_time`, `condition_1`, `condition_2`, `condition_3`, `lands_2`, CAST((MIN(CASE WHEN `end_1` IS NOT NULL THEN CAST(`event_number` * CAST(4294967296 AS BIGINT) + `end_1` AS BIGINT) ELSE NULL END) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) - CAST((CAST((MIN(CASE WHEN `end_1` IS NOT NULL THEN CAST(`event_number` * CAST(4294967296 AS BIGINT) + `end_1` AS BIGINT) ELSE NULL END) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS BIGINT) DIV CAST((CAST(4294967296 AS BIGINT)) AS BIGINT)) AS BIGINT) * CAST(4294967296 AS BIGINT) AS BIGINT) `end_0`, CAST(CAST((CAST((MIN(CASE WHEN `end_1` IS NOT NULL THEN CAST(`event_number` * CAST(4294967296 AS BIGINT) + `end_1` AS BIGINT) ELSE NULL END) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS BIGINT) DIV CAST((CAST(4294967296 AS BIGINT)) AS BIGINT)) AS BIGINT) AS BIGINT) `lands_0`
  FROM `s_steps_1_to_1`
),
`s_match_path_0` AS (
  SELECT `key_account_id`, `key_user_id`, `lands_0` `position`
  FROM `s_step_0`
  WHERE `event_number` = 1 AND `end_0` IS NOT NULL
),
`s_match_path_2` AS (
  SELECT `t`.`key_account_id`, `t`.`key_user_id`, `t`.`taken_1`, `s_step_0`.`lands_2` `position`
  FROM (SELECT `key_account_id`, `key_user_id`, `position` `taken_1`, CAST(`position` + 1 AS BIGINT) `position`
      FROM `s_match_path_0`) `t`
    INNER JOIN `s_step_0` ON `t`.`key_account_id` = `s_step_0`.`key_account_id` AND `t`.`key_user_id` = `s_step_0`.`key_user_id` AND `t`.`position` = `s_step_0`.`event_number`
),
`s_match_events` AS (
  SELECT `key_account_id`, `key_user_id`, `taken_1`, `position` `taken_2`, CAST(`position` + 1 AS BIGINT) `position`
  FROM `s_match_path_2`
)
SELECT `s_step_0`.`key_account_id` `account_id`, `s_step_0`.`key_user_id` `user_id`, CAST(CASE WHEN `s_step_0`.`event_number` = `s_match_events`.`taken_1` THEN 1 WHEN `s_step_0`.`event_number` = `s_match_events`.`taken_2` THEN 2 ELSE CAST(NULL AS BIGINT) END AS BIGINT) `pattern_step`, CASE WHEN `s_step_0`.`event_number` = `s_match_events`.`taken_1` THEN 'a' WHEN `s_step_0`.`event_number` = `s_match_events`.`taken_2` THEN 'b' ELSE NULL END `condition`, `s_step_0`.`event_time`
FROM `s_step_0`
  INNER JOIN `s_match_events` ON `s_step_0`.`key_account_id` = `s_match_events`.`key_account_id` AND `s_step_0`.`key_user_id` = `s_match_events`.`key_user_id`
WHERE `s_step_0`.`event_number` = `s_match_events`.`taken_1` OR `s_step_0`.`event_number` = `s_match_events`.`taken_2`
