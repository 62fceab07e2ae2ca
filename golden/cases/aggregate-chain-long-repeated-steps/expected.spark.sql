WITH `f_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`) `event_order`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'b' THEN 1 ELSE 0 END `step_2`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `step_3`, CASE WHEN `event_name` = 'b' THEN 1 ELSE 0 END `step_4`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `step_5`, CASE WHEN `event_name` = 'c' THEN 1 ELSE 0 END `step_6`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL
),
`f_a1` AS (
  SELECT `key_user_id`, MIN(`event_micros`) `step_1_micros`, MIN(`event_order`) `step_1_order`
  FROM `f_events`
  WHERE `step_1` = 1
  GROUP BY `key_user_id`
),
`f_b1` AS (
  SELECT `f_a1`.`key_user_id`, MIN(`f_a1`.`step_1_micros`) `step_1_micros`, MIN(`t0`.`event_micros`) `step_2_micros`, MIN(`t0`.`event_order`) `step_2_order`
  FROM `f_a1`
    INNER JOIN (SELECT `key_user_id`, `event_micros`, `event_order`
      FROM `f_events`
      WHERE `step_2` = 1) `t0` ON `f_a1`.`key_user_id` = `t0`.`key_user_id` AND (`f_a1`.`step_1_order` < `t0`.`event_order` OR `f_a1`.`step_1_order` = `t0`.`event_order`) AND `t0`.`event_micros` <= `f_a1`.`step_1_micros` + 600000000
  GROUP BY `f_a1`.`key_user_id`
),
`f_a2` AS (
  SELECT `f_b1`.`key_user_id`, MIN(`f_b1`.`step_1_micros`) `step_1_micros`, MIN(`t0`.`event_micros`) `step_3_micros`, MIN(`t0`.`event_order`) `step_3_order`
  FROM `f_b1`
    INNER JOIN (SELECT `key_user_id`, `event_micros`, `event_order`
      FROM `f_events`
      WHERE `step_3` = 1) `t0` ON `f_b1`.`key_user_id` = `t0`.`key_user_id` AND (`f_b1`.`step_2_order` < `t0`.`event_order` OR `f_b1`.`step_2_order` = `t0`.`event_order`) AND `t0`.`event_micros` <= `f_b1`.`step_1_micros` + 600000000
  GROUP BY `f_b1`.`key_user_id`
),
`f_b2` AS (
  SELECT `f_a2`.`key_user_id`, MIN(`f_a2`.`step_1_micros`) `step_1_micros`, MIN(`t0`.`event_micros`) `step_4_micros`, MIN(`t0`.`event_order`) `step_4_order`
  FROM `f_a2`
    INNER JOIN (SELECT `key_user_id`, `event_micros`, `event_order`
      FROM `f_events`
      WHERE `step_4` = 1) `t0` ON `f_a2`.`key_user_id` = `t0`.`key_user_id` AND (`f_a2`.`step_3_order` < `t0`.`event_order` OR `f_a2`.`step_3_order` = `t0`.`event_order`) AND `t0`.`event_micros` <= `f_a2`.`step_1_micros` + 600000000
  GROUP BY `f_a2`.`key_user_id`
),
`f_a3` AS (
  SELECT `f_b2`.`key_user_id`, MIN(`f_b2`.`step_1_micros`) `step_1_micros`, MIN(`t0`.`event_micros`) `step_5_micros`, MIN(`t0`.`event_order`) `step_5_order`
  FROM `f_b2`
    INNER JOIN (SELECT `key_user_id`, `event_micros`, `event_order`
      FROM `f_events`
      WHERE `step_5` = 1) `t0` ON `f_b2`.`key_user_id` = `t0`.`key_user_id` AND (`f_b2`.`step_4_order` < `t0`.`event_order` OR `f_b2`.`step_4_order` = `t0`.`event_order`) AND `t0`.`event_micros` <= `f_b2`.`step_1_micros` + 600000000
  GROUP BY `f_b2`.`key_user_id`
),
`f_c` AS (
  SELECT `f_a3`.`key_user_id`, MIN(`t0`.`event_micros`) `step_6_micros`, MIN(`t0`.`event_order`) `step_6_order`
  FROM `f_a3`
    INNER JOIN (SELECT `key_user_id`, `event_micros`, `event_order`
      FROM `f_events`
      WHERE `step_6` = 1) `t0` ON `f_a3`.`key_user_id` = `t0`.`key_user_id` AND (`f_a3`.`step_5_order` < `t0`.`event_order` OR `f_a3`.`step_5_order` = `t0`.`event_order`) AND `t0`.`event_micros` <= `f_a3`.`step_1_micros` + 600000000
  GROUP BY `f_a3`.`key_user_id`
),
`f_keys` AS (
  SELECT `key_user_id`
  FROM `f_events`
  GROUP BY `key_user_id`
),
`f_attempts` AS (
  SELECT `f_keys`.`key_user_id`, `f_a1`.`step_1_order`, `f_a1`.`step_1_micros`, `f_b1`.`step_2_order`, `f_b1`.`step_2_micros`, `f_a2`.`step_3_order`, `f_a2`.`step_3_micros`, `f_b2`.`step_4_order`, `f_b2`.`step_4_micros`, `f_a3`.`step_5_order`, `f_a3`.`step_5_micros`, `f_c`.`step_6_order`, `f_c`.`step_6_micros`, CASE WHEN `f_c`.`step_6_micros` IS NOT NULL THEN 6 WHEN `f_a3`.`step_5_micros` IS NOT NULL THEN 5 WHEN `f_b2`.`step_4_micros` IS NOT NULL THEN 4 WHEN `f_a2`.`step_3_micros` IS NOT NULL THEN 3 WHEN `f_b1`.`step_2_micros` IS NOT NULL THEN 2 WHEN `f_a1`.`step_1_micros` IS NOT NULL THEN 1 ELSE 0 END `level`
  FROM `f_keys`
    LEFT JOIN `f_a1` ON `f_keys`.`key_user_id` = `f_a1`.`key_user_id`
    LEFT JOIN `f_b1` ON `f_keys`.`key_user_id` = `f_b1`.`key_user_id`
    LEFT JOIN `f_a2` ON `f_keys`.`key_user_id` = `f_a2`.`key_user_id`
    LEFT JOIN `f_b2` ON `f_keys`.`key_user_id` = `f_b2`.`key_user_id`
    LEFT JOIN `f_a3` ON `f_keys`.`key_user_id` = `f_a3`.`key_user_id`
    LEFT JOIN `f_c` ON `f_keys`.`key_user_id` = `f_c`.`key_user_id`
)
SELECT `key_user_id` `user_id`, `level` `furthest_step`, CASE WHEN `level` = 1 THEN 'a1' WHEN `level` = 2 THEN 'b1' WHEN `level` = 3 THEN 'a2' WHEN `level` = 4 THEN 'b2' WHEN `level` = 5 THEN 'a3' WHEN `level` = 6 THEN 'c' ELSE NULL END `furthest_step_name`
FROM `f_attempts`
