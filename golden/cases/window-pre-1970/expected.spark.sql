WITH `f_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`) `event_order`, CASE WHEN `event_name` = 'view' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'cart' THEN 1 ELSE 0 END `step_2`, CASE WHEN `event_name` = 'purchase' THEN 1 ELSE 0 END `step_3`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL
),
`f_view` AS (
  SELECT `key_user_id`, MIN(`event_micros`) `step_1_micros`, MIN(`event_order`) `step_1_order`
  FROM `f_events`
  WHERE `step_1` = 1
  GROUP BY `key_user_id`
),
`f_cart` AS (
  SELECT `f_view`.`key_user_id`, MIN(`f_view`.`step_1_micros`) `step_1_micros`, MIN(`t0`.`event_micros`) `step_2_micros`, MIN(`t0`.`event_order`) `step_2_order`
  FROM `f_view`
    INNER JOIN (SELECT `key_user_id`, `event_micros`, `event_order`
      FROM `f_events`
      WHERE `step_2` = 1) `t0` ON `f_view`.`key_user_id` = `t0`.`key_user_id` AND (`f_view`.`step_1_order` < `t0`.`event_order` OR `f_view`.`step_1_order` = `t0`.`event_order`) AND `t0`.`event_micros` <= `f_view`.`step_1_micros` + 3600000000
  GROUP BY `f_view`.`key_user_id`
),
`f_purchase` AS (
  SELECT `f_cart`.`key_user_id`, MIN(`t0`.`event_micros`) `step_3_micros`, MIN(`t0`.`event_order`) `step_3_order`
  FROM `f_cart`
    INNER JOIN (SELECT `key_user_id`, `event_micros`, `event_order`
      FROM `f_events`
      WHERE `step_3` = 1) `t0` ON `f_cart`.`key_user_id` = `t0`.`key_user_id` AND (`f_cart`.`step_2_order` < `t0`.`event_order` OR `f_cart`.`step_2_order` = `t0`.`event_order`) AND `t0`.`event_micros` <= `f_cart`.`step_1_micros` + 3600000000
  GROUP BY `f_cart`.`key_user_id`
),
`f_keys` AS (
  SELECT `key_user_id`
  FROM `f_events`
  GROUP BY `key_user_id`
),
`f_attempts` AS (
  SELECT `f_keys`.`key_user_id`, `f_view`.`step_1_order`, `f_view`.`step_1_micros`, `f_cart`.`step_2_order`, `f_cart`.`step_2_micros`, `f_purchase`.`step_3_order`, `f_purchase`.`step_3_micros`, CASE WHEN `f_purchase`.`step_3_micros` IS NOT NULL THEN 3 WHEN `f_cart`.`step_2_micros` IS NOT NULL THEN 2 WHEN `f_view`.`step_1_micros` IS NOT NULL THEN 1 ELSE 0 END `level`
  FROM `f_keys`
    LEFT JOIN `f_view` ON `f_keys`.`key_user_id` = `f_view`.`key_user_id`
    LEFT JOIN `f_cart` ON `f_keys`.`key_user_id` = `f_cart`.`key_user_id`
    LEFT JOIN `f_purchase` ON `f_keys`.`key_user_id` = `f_purchase`.`key_user_id`
)
SELECT `key_user_id` `user_id`, `level` `furthest_step`, CASE WHEN `level` = 1 THEN 'view' WHEN `level` = 2 THEN 'cart' WHEN `level` = 3 THEN 'purchase' ELSE NULL END `furthest_step_name`
FROM `f_attempts`
