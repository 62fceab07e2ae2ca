WITH `s_events` AS (
  SELECT `account_id` `key_account_id`, `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `account_id`, `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`, `event_id`) `event_order`, `event_id` `event_id_value`, `event_name` `event_name_value`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `account_id` IS NOT NULL AND `user_id` IS NOT NULL
),
`s_event_id_occurrences` AS (
  SELECT `key_account_id`, `key_user_id`, `event_time`, `event_micros`, `event_order`, `event_id_value`, `event_name_value`, ROW_NUMBER() OVER (PARTITION BY `key_account_id`, `key_user_id`, `event_id_value` ORDER BY `event_order` NULLS LAST) `id_occurrence`
  FROM `s_events`
),
`s_distinct_events` AS (
  SELECT `key_account_id`, `key_user_id`, `event_time`, `event_micros`, `event_order`, `event_id_value`, `event_name_value`
  FROM `s_event_id_occurrences`
  WHERE `event_id_value` IS NULL OR `id_occurrence` = 1
),
`s_gaps` AS (
  SELECT `key_account_id`, `key_user_id`, `event_time`, `event_micros`, `event_order`, `event_id_value`, `event_name_value`, LAG(`event_micros`) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_order` NULLS LAST) `previous_micros`
  FROM `s_distinct_events`
),
`s_sessions` AS (
  SELECT `key_account_id`, `key_user_id`, `event_time`, `event_micros`, `event_order`, `event_id_value`, `event_name_value`, `previous_micros`, SUM(CASE WHEN `previous_micros` IS NULL OR `event_micros` - `previous_micros` > 1800000000 THEN 1 ELSE 0 END) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_order` NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `session_number`
  FROM `s_gaps`
),
`s_session_bounds` AS (
  SELECT `key_account_id`, `key_user_id`, `event_time`, `event_micros`, `event_order`, `event_id_value`, `event_name_value`, `previous_micros`, `session_number`, MIN(`event_order`) OVER (PARTITION BY `key_account_id`, `key_user_id`, `session_number` ORDER BY `event_order` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) `first_order`, MAX(`event_order`) OVER (PARTITION BY `key_account_id`, `key_user_id`, `session_number` ORDER BY `event_order` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) `last_order`
  FROM `s_sessions`
),
`s_session_summary` AS (
  SELECT `key_account_id`, `key_user_id`, `session_number`, MIN(`event_time`) `session_start`, MAX(`event_time`) `session_end`, COUNT(*) `event_count`, MAX(CASE WHEN `event_order` = `first_order` THEN `event_name_value` ELSE NULL END) `first_event`, MAX(CASE WHEN `event_order` = `last_order` THEN `event_name_value` ELSE NULL END) `last_event`
  FROM `s_session_bounds`
  GROUP BY `key_account_id`, `key_user_id`, `session_number`
)
SELECT `key_account_id` `account_id`, `key_user_id` `user_id`, CAST(`session_number` AS BIGINT) `session_number`, `key_account_id` || '/' || `key_user_id` || '/' || TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM date_format(`session_start` , 'yyyy-MM-dd HH:mm:ss.SSSSSS'))) `session_id`, `session_start`, `session_end`, CAST(unix_micros(CAST(`session_end` AS TIMESTAMP)) - unix_micros(CAST(`session_start` AS TIMESTAMP)) AS DOUBLE) / 1.0000000E6 `duration_seconds`, `event_count`, `first_event`, `last_event`
FROM `s_session_summary`
