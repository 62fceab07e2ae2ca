WITH RECURSIVE `s_events` (`key_user_id`, `event_time`, `event_micros`, `event_order`) AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`) `event_order`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL
),
`s_gaps` (`key_user_id`, `event_time`, `event_micros`, `event_order`, `previous_micros`) AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, LAG(`event_micros`) OVER (PARTITION BY `key_user_id` ORDER BY `event_order` NULLS LAST) `previous_micros`
  FROM `s_events`
),
`s_gap_sessions` (`key_user_id`, `event_time`, `event_micros`, `event_order`, `previous_micros`, `gap_start`, `gap_session`) AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `previous_micros`, CASE WHEN `previous_micros` IS NULL OR `event_micros` - `previous_micros` > 1800000000 THEN 1 ELSE 0 END `gap_start`, SUM(CASE WHEN `previous_micros` IS NULL OR `event_micros` - `previous_micros` > 1800000000 THEN 1 ELSE 0 END) OVER (PARTITION BY `key_user_id` ORDER BY `event_order` NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `gap_session`
  FROM `s_gaps`
),
`s_session_cuts` (`key_user_id`, `event_time`, `event_micros`, `event_order`, `previous_micros`, `gap_start`, `gap_session`, `next_start_order`) AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `previous_micros`, `gap_start`, `gap_session`, MIN(`event_order`) OVER (PARTITION BY `key_user_id`, `gap_session` ORDER BY `event_micros` NULLS LAST RANGE BETWEEN 3600000001 FOLLOWING AND UNBOUNDED FOLLOWING) `next_start_order`
  FROM `s_gap_sessions`
),
`s_session_starts` (`key_user_id`, `start_order`, `next_start_order`) AS (
  SELECT `key_user_id`, CAST(`event_order` AS BIGINT) `start_order`, CAST(`next_start_order` AS BIGINT) `next_start_order`
  FROM `s_session_cuts`
  WHERE `gap_start` = 1
  UNION ALL
  SELECT `s_session_starts`.`key_user_id`, CAST(`s_session_cuts`.`event_order` AS BIGINT) `start_order`, CAST(`s_session_cuts`.`next_start_order` AS BIGINT) `next_start_order`
  FROM `s_session_starts`
    INNER JOIN `s_session_cuts` ON `s_session_starts`.`key_user_id` = `s_session_cuts`.`key_user_id` AND `s_session_starts`.`next_start_order` = `s_session_cuts`.`event_order`
),
`s_session_marks` (`key_user_id`, `event_time`, `event_micros`, `event_order`, `previous_micros`, `gap_start`, `gap_session`, `next_start_order`, `is_start`) AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `previous_micros`, `gap_start`, `gap_session`, `next_start_order`, 0 `is_start`
  FROM `s_session_cuts`
  UNION ALL
  SELECT `key_user_id`, NULL `event_time`, NULL `event_micros`, `start_order` `event_order`, NULL `previous_micros`, NULL `gap_start`, NULL `gap_session`, NULL `next_start_order`, 1 `is_start`
  FROM `s_session_starts`
),
`s_sessions` (`key_user_id`, `event_time`, `event_micros`, `event_order`, `previous_micros`, `gap_start`, `gap_session`, `next_start_order`, `session_number`) AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `previous_micros`, `gap_start`, `gap_session`, `next_start_order`, `session_number`
  FROM (SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `previous_micros`, `gap_start`, `gap_session`, `next_start_order`, `is_start`, SUM(`is_start`) OVER (PARTITION BY `key_user_id` ORDER BY `event_order` NULLS LAST, `is_start` DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `session_number`
      FROM `s_session_marks`) `t`
  WHERE `is_start` = 0
)
SELECT `key_user_id` `user_id`, `event_time` `occurred_at`, CAST(`session_number` AS BIGINT) `session_number`
FROM `s_sessions`
