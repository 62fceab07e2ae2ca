WITH `s_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`, `event_id`) `event_order`, `event_id` `event_id_value`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL
),
`s_event_id_occurrences` AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `event_id_value`, ROW_NUMBER() OVER (PARTITION BY `key_user_id`, `event_id_value` ORDER BY `event_order` NULLS LAST) `id_occurrence`
  FROM `s_events`
),
`s_distinct_events` AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `event_id_value`
  FROM `s_event_id_occurrences`
  WHERE `event_id_value` IS NULL OR `id_occurrence` = 1
),
`s_gaps` AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `event_id_value`, LAG(`event_micros`) OVER (PARTITION BY `key_user_id` ORDER BY `event_order` NULLS LAST) `previous_micros`
  FROM `s_distinct_events`
),
`s_sessions` AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `event_order`, `event_id_value`, `previous_micros`, SUM(CASE WHEN `previous_micros` IS NULL OR `event_micros` - `previous_micros` > 1800000000 THEN 1 ELSE 0 END) OVER (PARTITION BY `key_user_id` ORDER BY `event_order` NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `session_number`
  FROM `s_gaps`
)
SELECT `key_user_id` `user_id`, `event_time` `occurred_at`, `event_id_value` `event_id`, CAST(`session_number` AS BIGINT) `session_number`
FROM `s_sessions`
