WITH `r_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, CASE WHEN `event_name` = 'signup' THEN 1 ELSE 0 END `condition_1`, CASE WHEN `event_name` = 'add_to_cart' THEN 1 ELSE 0 END `condition_2`, CASE WHEN `event_name` = 'purchase' AND `revenue` > 0 THEN 1 ELSE 0 END `condition_3`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL AND (`event_name` = 'purchase' AND `revenue` > 0 OR NOT (`event_name` = 'purchase' AND `revenue` > 0))
),
`r_conditions_seen` AS (
  SELECT `key_user_id`, MAX(`condition_1`) `condition_1`, MAX(`condition_2`) `condition_2`, MAX(`condition_3`) `condition_3`
  FROM `r_events`
  GROUP BY `key_user_id`
)
SELECT `key_user_id` `user_id`, ((`condition_1` * `condition_1`) = 1) `signed_up`, ((`condition_1` * `condition_2`) = 1) `carted`, ((`condition_1` * `condition_3`) = 1) `bought`
FROM `r_conditions_seen`
