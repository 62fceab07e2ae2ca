WITH `s_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL
),
`s_gaps` AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, LAG(`event_micros`) OVER (PARTITION BY `key_user_id` ORDER BY `event_time` NULLS LAST) `previous_micros`, LEAD(`event_micros`) OVER (PARTITION BY `key_user_id` ORDER BY `event_time` NULLS LAST) `next_micros`
  FROM `s_events`
),
`s_sessions` AS (
  SELECT `key_user_id`, `event_time`, `event_micros`, `previous_micros`, `next_micros`, CASE WHEN `previous_micros` IS NULL OR `event_micros` - `previous_micros` > 9504000000000000 THEN 1 ELSE 0 END `starts_session`, CASE WHEN `next_micros` IS NULL OR `next_micros` - `event_micros` > 9504000000000000 THEN 1 ELSE 0 END `ends_session`, SUM(CASE WHEN `previous_micros` IS NULL OR `event_micros` - `previous_micros` > 9504000000000000 THEN 1 ELSE 0 END) OVER (PARTITION BY `key_user_id` ORDER BY `event_time` NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `session_number`
  FROM `s_gaps`
),
`s_session_summary` AS (
  SELECT `key_user_id`, `session_number`, MIN(`event_time`) `session_start`, MAX(`event_time`) `session_end`, COUNT(*) `event_count`
  FROM `s_sessions`
  GROUP BY `key_user_id`, `session_number`
)
SELECT `key_user_id` `user_id`, CAST(`session_number` AS BIGINT) `session_number`, `key_user_id` || '/' || TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM date_format(`session_start` , 'yyyy-MM-dd HH:mm:ss.SSSSSS'))) `session_id`, `session_start`, `session_end`, CAST(unix_micros(CAST(`session_end` AS TIMESTAMP)) - unix_micros(CAST(`session_start` AS TIMESTAMP)) AS DOUBLE) / 1.0000000E6 `duration_seconds`, `event_count`
FROM `s_session_summary`
