WITH `s_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, `event_name` `event_name_value`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL
),
`s_gaps` AS (
  SELECT `key_user_id`, `event_time`, `event_name_value`, LAG(`event_time`) OVER (PARTITION BY `key_user_id` ORDER BY `event_time` NULLS LAST, `event_name_value`) `previous_time`, LEAD(`event_time`) OVER (PARTITION BY `key_user_id` ORDER BY `event_time` NULLS LAST, `event_name_value`) `next_time`
  FROM `s_events`
),
`s_sessions` AS (
  SELECT `key_user_id`, `event_time`, `event_name_value`, `previous_time`, `next_time`, CASE WHEN `previous_time` IS NULL OR `event_time` > timestampadd(MICROSECOND, 1800000000 , `previous_time`) THEN 1 ELSE 0 END `starts_session`, CASE WHEN `next_time` IS NULL OR `next_time` > timestampadd(MICROSECOND, 1800000000 , `event_time`) THEN 1 ELSE 0 END `ends_session`, SUM(CASE WHEN `previous_time` IS NULL OR `event_time` > timestampadd(MICROSECOND, 1800000000 , `previous_time`) THEN 1 ELSE 0 END) OVER (PARTITION BY `key_user_id` ORDER BY `event_time` NULLS LAST, `event_name_value` ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `session_number`
  FROM `s_gaps`
),
`s_session_summary` AS (
  SELECT `key_user_id`, `session_number`, MIN(`event_time`) `session_start`, MAX(`event_time`) `session_end`, COUNT(*) `event_count`, MAX(CASE WHEN `starts_session` = 1 THEN `event_name_value` ELSE NULL END) `first_event`, MAX(CASE WHEN `ends_session` = 1 THEN `event_name_value` ELSE NULL END) `last_event`
  FROM `s_sessions`
  GROUP BY `key_user_id`, `session_number`
)
SELECT `key_user_id` `user_id`, CAST(`session_number` AS BIGINT) `session_number`, `key_user_id` || '/' || TRIM(TRAILING '.' FROM TRIM(TRAILING '0' FROM date_format(`session_start` , 'yyyy-MM-dd HH:mm:ss.SSSSSS'))) `session_id`, `session_start`, `session_end`, CAST(unix_micros(CAST(`session_end` AS TIMESTAMP)) - unix_micros(CAST(`session_start` AS TIMESTAMP)) AS DOUBLE) / 1.0000000E6 `duration_seconds`, `event_count`, `first_event`, `last_event`
FROM `s_session_summary`
