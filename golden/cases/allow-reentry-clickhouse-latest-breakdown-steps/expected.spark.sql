WITH RECURSIVE `f_events` (`key_user_id`, `event_time`, `event_micros`, `event_order`, `step_1`, `step_2`, `step_3`, `breakdown_value`) AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`, `platform`) `event_order`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'b' THEN 1 ELSE 0 END `step_2`, CASE WHEN `event_name` = 'c' THEN 1 ELSE 0 END `step_3`, `platform` `breakdown_value`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL
),
`f_entries` (`key_user_id`, `event_order`, `event_micros`, `entry_step`) AS (
  SELECT `key_user_id`, `event_order`, `event_micros`, 0 `entry_step`
  FROM `f_events`
  WHERE `step_1` = 0 AND `step_2` = 0 AND `step_3` = 0
  UNION ALL
  SELECT `key_user_id`, `event_order`, `event_micros`, 1 `entry_step`
  FROM `f_events`
  WHERE `step_1` = 1
  UNION ALL
  SELECT `key_user_id`, `event_order`, `event_micros`, 2 `entry_step`
  FROM `f_events`
  WHERE `step_2` = 1
  UNION ALL
  SELECT `key_user_id`, `event_order`, `event_micros`, 3 `entry_step`
  FROM `f_events`
  WHERE `step_3` = 1
),
`f_numbered_entries` (`key_user_id`, `event_order`, `event_micros`, `entry_step`, `entry_number`, `entry_count`) AS (
  SELECT `key_user_id`, `event_order`, `event_micros`, `entry_step`, ROW_NUMBER() OVER (PARTITION BY `key_user_id` ORDER BY `event_micros` NULLS LAST, `entry_step` NULLS LAST, `event_order` NULLS LAST) `entry_number`, COUNT(*) OVER (PARTITION BY `key_user_id` ORDER BY `event_micros` NULLS LAST, `entry_step` NULLS LAST, `event_order` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) `entry_count`
  FROM `f_entries`
),
`f_scan` (`key_user_id`, `entry_number`, `next_entry`, `chain_1_step_1_order`, `chain_1_step_1_micros`, `chain_2_step_1_order`, `chain_2_step_1_micros`, `chain_2_step_2_order`, `chain_2_step_2_micros`, `chain_3_step_1_order`, `chain_3_step_1_micros`, `chain_3_step_3_order`, `chain_3_step_3_micros`) AS (
  SELECT `key_user_id`, CAST(0 AS BIGINT) `entry_number`, CAST(1 AS BIGINT) `next_entry`, CAST(NULL AS BIGINT) `chain_1_step_1_order`, CAST(NULL AS BIGINT) `chain_1_step_1_micros`, CAST(NULL AS BIGINT) `chain_2_step_1_order`, CAST(NULL AS BIGINT) `chain_2_step_1_micros`, CAST(NULL AS BIGINT) `chain_2_step_2_order`, CAST(NULL AS BIGINT) `chain_2_step_2_micros`, CAST(NULL AS BIGINT) `chain_3_step_1_order`, CAST(NULL AS BIGINT) `chain_3_step_1_micros`, CAST(NULL AS BIGINT) `chain_3_step_3_order`, CAST(NULL AS BIGINT) `chain_3_step_3_micros`
  FROM `f_numbered_entries`
  WHERE `entry_number` = 1
  UNION ALL
  SELECT `f_scan`.`key_user_id`, CAST(`f_numbered_entries`.`entry_number` AS BIGINT) `entry_number`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 0 AND `f_scan`.`chain_1_step_1_order` IS NOT NULL OR `f_numbered_entries`.`entry_step` = 3 AND `f_scan`.`chain_2_step_2_order` IS NOT NULL AND `f_numbered_entries`.`event_micros` < `f_scan`.`chain_2_step_1_micros` + 600000000 AND `f_numbered_entries`.`event_micros` > `f_scan`.`chain_2_step_2_micros` OR `f_numbered_entries`.`entry_number` = `f_numbered_entries`.`entry_count` THEN CAST(NULL AS BIGINT) ELSE `f_numbered_entries`.`entry_number` + 1 END AS BIGINT) `next_entry`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 1 THEN `f_numbered_entries`.`event_order` ELSE `f_scan`.`chain_1_step_1_order` END AS BIGINT) `chain_1_step_1_order`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 1 THEN `f_numbered_entries`.`event_micros` ELSE `f_scan`.`chain_1_step_1_micros` END AS BIGINT) `chain_1_step_1_micros`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 2 AND `f_scan`.`chain_1_step_1_order` IS NOT NULL AND `f_numbered_entries`.`event_micros` < `f_scan`.`chain_1_step_1_micros` + 600000000 AND `f_numbered_entries`.`event_micros` > `f_scan`.`chain_1_step_1_micros` THEN `f_scan`.`chain_1_step_1_order` ELSE `f_scan`.`chain_2_step_1_order` END AS BIGINT) `chain_2_step_1_order`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 2 AND `f_scan`.`chain_1_step_1_order` IS NOT NULL AND `f_numbered_entries`.`event_micros` < `f_scan`.`chain_1_step_1_micros` + 600000000 AND `f_numbered_entries`.`event_micros` > `f_scan`.`chain_1_step_1_micros` THEN `f_scan`.`chain_1_step_1_micros` ELSE `f_scan`.`chain_2_step_1_micros` END AS BIGINT) `chain_2_step_1_micros`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 2 AND `f_scan`.`chain_1_step_1_order` IS NOT NULL AND `f_numbered_entries`.`event_micros` < `f_scan`.`chain_1_step_1_micros` + 600000000 AND `f_numbered_entries`.`event_micros` > `f_scan`.`chain_1_step_1_micros` THEN `f_numbered_entries`.`event_order` ELSE `f_scan`.`chain_2_step_2_order` END AS BIGINT) `chain_2_step_2_order`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 2 AND `f_scan`.`chain_1_step_1_order` IS NOT NULL AND `f_numbered_entries`.`event_micros` < `f_scan`.`chain_1_step_1_micros` + 600000000 AND `f_numbered_entries`.`event_micros` > `f_scan`.`chain_1_step_1_micros` THEN `f_numbered_entries`.`event_micros` ELSE `f_scan`.`chain_2_step_2_micros` END AS BIGINT) `chain_2_step_2_micros`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 3 AND `f_scan`.`chain_2_step_2_order` IS NOT NULL AND `f_numbered_entries`.`event_micros` < `f_scan`.`chain_2_step_1_micros` + 600000000 AND `f_numbered_entries`.`event_micros` > `f_scan`.`chain_2_step_2_micros` THEN `f_scan`.`chain_2_step_1_order` ELSE `f_scan`.`chain_3_step_1_order` END AS BIGINT) `chain_3_step_1_order`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 3 AND `f_scan`.`chain_2_step_2_order` IS NOT NULL AND `f_numbered_entries`.`event_micros` < `f_scan`.`chain_2_step_1_micros` + 600000000 AND `f_numbered_entries`.`event_micros` > `f_scan`.`chain_2_step_2_micros` THEN `f_scan`.`chain_2_step_1_micros` ELSE `f_scan`.`chain_3_step_1_micros` END AS BIGINT) `chain_3_step_1_micros`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 3 AND `f_scan`.`chain_2_step_2_order` IS NOT NULL AND `f_numbered_entries`.`event_micros` < `f_scan`.`chain_2_step_1_micros` + 600000000 AND `f_numbered_entries`.`event_micros` > `f_scan`.`chain_2_step_2_micros` THEN `f_numbered_entries`.`event_order` ELSE `f_scan`.`chain_3_step_3_order` END AS BIGINT) `chain_3_step_3_order`, CAST(CASE WHEN `f_numbered_entries`.`entry_step` = 3 AND `f_scan`.`chain_2_step_2_order` IS NOT NULL AND `f_numbered_entries`.`event_micros` < `f_scan`.`chain_2_step_1_micros` + 600000000 AND `f_numbered_entries`.`event_micros` > `f_scan`.`chain_2_step_2_micros` THEN `f_numbered_entries`.`event_micros` ELSE `f_scan`.`chain_3_step_3_micros` END AS BIGINT) `chain_3_step_3_micros`
  FROM `f_scan`
    INNER JOIN `f_numbered_entries` ON `f_scan`.`key_user_id` = `f_numbered_entries`.`key_user_id` AND `f_scan`.`next_entry` = `f_numbered_entries`.`entry_number`
),
`f_chains` (`key_user_id`, `entry_number`, `next_entry`, `chain_1_step_1_order`, `chain_1_step_1_micros`, `chain_2_step_1_order`, `chain_2_step_1_micros`, `chain_2_step_2_order`, `chain_2_step_2_micros`, `chain_3_step_1_order`, `chain_3_step_1_micros`, `chain_3_step_3_order`, `chain_3_step_3_micros`) AS (
  SELECT *
  FROM `f_scan`
  WHERE `next_entry` IS NULL
),
`f_levels` (`key_user_id`, `entry_number`, `next_entry`, `chain_1_step_1_order`, `chain_1_step_1_micros`, `chain_2_step_1_order`, `chain_2_step_1_micros`, `chain_2_step_2_order`, `chain_2_step_2_micros`, `chain_3_step_1_order`, `chain_3_step_1_micros`, `chain_3_step_3_order`, `chain_3_step_3_micros`, `level`) AS (
  SELECT `key_user_id`, `entry_number`, `next_entry`, `chain_1_step_1_order`, `chain_1_step_1_micros`, `chain_2_step_1_order`, `chain_2_step_1_micros`, `chain_2_step_2_order`, `chain_2_step_2_micros`, `chain_3_step_1_order`, `chain_3_step_1_micros`, `chain_3_step_3_order`, `chain_3_step_3_micros`, CASE WHEN `chain_3_step_3_order` IS NOT NULL THEN 3 WHEN `chain_2_step_2_order` IS NOT NULL THEN 2 WHEN `chain_1_step_1_order` IS NOT NULL THEN 1 ELSE 0 END `level`
  FROM `f_chains`
),
`f_attempts` (`key_user_id`, `level`, `step_1_order`, `step_1_micros`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`) AS (
  SELECT `key_user_id`, `level`, CASE WHEN `level` = 1 THEN `chain_1_step_1_order` WHEN `level` = 2 THEN `chain_2_step_1_order` WHEN `level` = 3 THEN `chain_3_step_1_order` ELSE NULL END `step_1_order`, CASE WHEN `level` = 1 THEN `chain_1_step_1_micros` WHEN `level` = 2 THEN `chain_2_step_1_micros` WHEN `level` = 3 THEN `chain_3_step_1_micros` ELSE NULL END `step_1_micros`, CASE WHEN `level` = 2 THEN `chain_2_step_2_order` ELSE NULL END `step_2_order`, CASE WHEN `level` = 2 THEN `chain_2_step_2_micros` ELSE NULL END `step_2_micros`, CASE WHEN `level` = 3 THEN `chain_3_step_3_order` ELSE NULL END `step_3_order`, CASE WHEN `level` = 3 THEN `chain_3_step_3_micros` ELSE NULL END `step_3_micros`
  FROM `f_levels`
),
`f_breakdown` (`key_user_id`, `level`, `step_1_order`, `step_1_micros`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`, `breakdown_value`) AS (
  SELECT `t`.`key_user_id`, `t`.`level`, `t`.`step_1_order`, `t`.`step_1_micros`, `t`.`step_2_order`, `t`.`step_2_micros`, `t`.`step_3_order`, `t`.`step_3_micros`, `f_events`.`breakdown_value`
  FROM (SELECT `key_user_id`, `level`, `step_1_order`, `step_1_micros`, `step_2_order`, `step_2_micros`, `step_3_order`, `step_3_micros`, CASE WHEN `level` = 1 THEN `step_1_order` WHEN `level` = 2 THEN `step_2_order` WHEN `level` = 3 THEN `step_3_order` ELSE NULL END `attributed_order`
      FROM `f_attempts`) `t`
    LEFT JOIN `f_events` ON `t`.`key_user_id` = `f_events`.`key_user_id` AND `t`.`attributed_order` = `f_events`.`event_order`
),
`f_reached` (`breakdown_value`, `reached_1`, `reached_2`, `reached_3`) AS (
  SELECT `breakdown_value`, SUM(CASE WHEN `level` >= 1 THEN 1 ELSE 0 END) `reached_1`, SUM(CASE WHEN `level` >= 2 THEN 1 ELSE 0 END) `reached_2`, SUM(CASE WHEN `level` >= 3 THEN 1 ELSE 0 END) `reached_3`
  FROM `f_breakdown`
  WHERE `level` >= 1
  GROUP BY `breakdown_value`
),
`f_step_counts` (`platform`, `step`, `name`, `count`, `previous_count`, `first_count`) AS (
  SELECT `breakdown_value` `platform`, 1 `step`, 'a' `name`, COALESCE(`reached_1`, 0) `count`, CAST(NULL AS INTEGER) `previous_count`, CAST(NULL AS INTEGER) `first_count`
  FROM `f_reached`
  UNION ALL
  SELECT `breakdown_value` `platform`, 2 `step`, 'b' `name`, COALESCE(`reached_2`, 0) `count`, COALESCE(`reached_1`, 0) `previous_count`, COALESCE(`reached_1`, 0) `first_count`
  FROM `f_reached`
  UNION ALL
  SELECT `breakdown_value` `platform`, 3 `step`, 'c' `name`, COALESCE(`reached_3`, 0) `count`, COALESCE(`reached_2`, 0) `previous_count`, COALESCE(`reached_1`, 0) `first_count`
  FROM `f_reached`
)
SELECT `platform`, `step`, `name`, `count`, CAST((CAST((20000 * `count` + `previous_count`) AS BIGINT) DIV CAST((NULLIF(2 * `previous_count`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `conversion_from_previous`, CAST((CAST((20000 * `count` + `first_count`) AS BIGINT) DIV CAST((NULLIF(2 * `first_count`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `conversion_from_first`
FROM `f_step_counts`
