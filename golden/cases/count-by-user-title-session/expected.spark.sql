WITH `f_events` AS (
  SELECT `user_id` `key_user_id`, `title_id` `key_title_id`, `session_id` `key_session_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, CASE WHEN `event_name` = 'impression' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'detail' THEN 1 ELSE 0 END `step_2`, CASE WHEN `event_name` = 'play' THEN 1 ELSE 0 END `step_3`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `title_id` IS NOT NULL AND `session_id` IS NOT NULL AND `event_name` IS NOT NULL
),
`f_impression` AS (
  SELECT `user_id` `key_user_id`, `title_id` `key_title_id`, `session_id` `key_session_id`, unix_micros(CAST((MIN(`occurred_at`)) AS TIMESTAMP)) `step_1_micros`, MIN(`occurred_at`) `step_1_time`, timestampadd(MICROSECOND, 600000000 , (MIN(`occurred_at`))) `window_end`
  FROM `events`
  WHERE `event_name` = 'impression'
  GROUP BY `user_id`, `title_id`, `session_id`
  HAVING `user_id` IS NOT NULL AND `title_id` IS NOT NULL AND `session_id` IS NOT NULL AND MIN(`occurred_at`) IS NOT NULL
),
`f_detail` AS (
  SELECT `f_impression`.`key_user_id`, `f_impression`.`key_title_id`, `f_impression`.`key_session_id`, unix_micros(CAST((MIN(`events`.`occurred_at`)) AS TIMESTAMP)) `step_2_micros`, MIN(`events`.`occurred_at`) `step_2_time`, timestampadd(MICROSECOND, 600000000 , (MIN(`events`.`occurred_at`))) `window_end`
  FROM `f_impression`
    INNER JOIN `events` ON `f_impression`.`key_user_id` = `events`.`user_id` AND `f_impression`.`key_title_id` = `events`.`title_id` AND `f_impression`.`key_session_id` = `events`.`session_id` AND `f_impression`.`step_1_time` < `events`.`occurred_at` AND `f_impression`.`window_end` >= `events`.`occurred_at`
  WHERE `events`.`event_name` = 'detail'
  GROUP BY `f_impression`.`key_user_id`, `f_impression`.`key_title_id`, `f_impression`.`key_session_id`
),
`f_play` AS (
  SELECT `f_detail`.`key_user_id`, `f_detail`.`key_title_id`, `f_detail`.`key_session_id`, unix_micros(CAST((MIN(`events`.`occurred_at`)) AS TIMESTAMP)) `step_3_micros`, MIN(`events`.`occurred_at`) `step_3_time`
  FROM `f_detail`
    INNER JOIN `events` ON `f_detail`.`key_user_id` = `events`.`user_id` AND `f_detail`.`key_title_id` = `events`.`title_id` AND `f_detail`.`key_session_id` = `events`.`session_id` AND `f_detail`.`step_2_time` < `events`.`occurred_at` AND `f_detail`.`window_end` >= `events`.`occurred_at`
  WHERE `events`.`event_name` = 'play'
  GROUP BY `f_detail`.`key_user_id`, `f_detail`.`key_title_id`, `f_detail`.`key_session_id`
),
`f_keys` AS (
  SELECT `key_user_id`, `key_title_id`, `key_session_id`
  FROM `f_events`
  GROUP BY `key_user_id`, `key_title_id`, `key_session_id`
),
`f_attempts` AS (
  SELECT `f_keys`.`key_user_id`, `f_keys`.`key_title_id`, `f_keys`.`key_session_id`, `f_impression`.`step_1_micros`, `f_detail`.`step_2_micros`, `f_play`.`step_3_micros`, CASE WHEN `f_play`.`step_3_micros` IS NOT NULL THEN 3 WHEN `f_detail`.`step_2_micros` IS NOT NULL THEN 2 WHEN `f_impression`.`step_1_micros` IS NOT NULL THEN 1 ELSE 0 END `level`
  FROM `f_keys`
    LEFT JOIN `f_impression` ON `f_keys`.`key_user_id` = `f_impression`.`key_user_id` AND `f_keys`.`key_title_id` = `f_impression`.`key_title_id` AND `f_keys`.`key_session_id` = `f_impression`.`key_session_id`
    LEFT JOIN `f_detail` ON `f_keys`.`key_user_id` = `f_detail`.`key_user_id` AND `f_keys`.`key_title_id` = `f_detail`.`key_title_id` AND `f_keys`.`key_session_id` = `f_detail`.`key_session_id`
    LEFT JOIN `f_play` ON `f_keys`.`key_user_id` = `f_play`.`key_user_id` AND `f_keys`.`key_title_id` = `f_play`.`key_title_id` AND `f_keys`.`key_session_id` = `f_play`.`key_session_id`
)
SELECT `key_user_id` `user_id`, `key_title_id` `title_id`, `key_session_id` `session_id`, `level` `furthest_step`, CASE WHEN `level` = 1 THEN 'impression' WHEN `level` = 2 THEN 'detail' WHEN `level` = 3 THEN 'play' ELSE NULL END `furthest_step_name`
FROM `f_attempts`
