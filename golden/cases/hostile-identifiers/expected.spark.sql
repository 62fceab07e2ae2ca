WITH `funnel_x_events` AS (
  SELECT `Select` `key_Select`, `User Id` `key_User Id`, `order` `event_time`, unix_micros(CAST(`order` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `Select`, `User Id` ORDER BY `order` NULLS LAST, `Event Name`, `group`, `it's`, `MixedCase`, `we"ird`) `event_order`, CASE WHEN `Event Name` = 'view' THEN 1 ELSE 0 END `step_1`, CASE WHEN `Event Name` = 'cart' AND `MixedCase` > 1 AND `we"ird` IS NOT NULL THEN 1 ELSE 0 END `step_2`, `group` `breakdown_value`
  FROM `Weird "Table" Name`
  WHERE `order` IS NOT NULL AND (`Select` IS NOT NULL AND `User Id` IS NOT NULL) AND ((`it's` IS NULL OR `it's` <> 'skip') AND (`Event Name` IS NOT NULL AND (`Event Name` = 'cart' AND `MixedCase` > 1 AND `we"ird` IS NOT NULL OR NOT (`Event Name` = 'cart' AND `MixedCase` > 1 AND `we"ird` IS NOT NULL))))
),
`funnel_x_chain` AS (
  SELECT `key_Select`, `key_User Id`, `event_time`, `event_micros`, `event_order`, `step_1`, `step_2`, `breakdown_value`, MAX(CASE WHEN `step_1` = 1 THEN `event_order` ELSE NULL END) OVER (PARTITION BY `key_Select`, `key_User Id` ORDER BY `event_micros` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `chain_1_step_1_order`, MAX(CASE WHEN `step_1` = 1 THEN `event_micros` ELSE NULL END) OVER (PARTITION BY `key_Select`, `key_User Id` ORDER BY `event_micros` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) `chain_1_step_1_micros`
  FROM `funnel_x_events`
),
`funnel_x_chains` AS (
  SELECT `key_Select`, `key_User Id`, MIN(CASE WHEN `step_2` = 1 AND `chain_1_step_1_micros` IS NOT NULL AND `event_micros` <= `chain_1_step_1_micros` + 3600000000 THEN `chain_1_step_1_order` ELSE NULL END) `chain_2_step_1_order`, MIN(CASE WHEN `step_2` = 1 AND `chain_1_step_1_micros` IS NOT NULL AND `event_micros` <= `chain_1_step_1_micros` + 3600000000 THEN `chain_1_step_1_micros` ELSE NULL END) `chain_2_step_1_micros`, MIN(CASE WHEN `step_2` = 1 AND `chain_1_step_1_micros` IS NOT NULL AND `event_micros` <= `chain_1_step_1_micros` + 3600000000 THEN `event_order` ELSE NULL END) `chain_2_step_2_order`, MIN(CASE WHEN `step_2` = 1 AND `chain_1_step_1_micros` IS NOT NULL AND `event_micros` <= `chain_1_step_1_micros` + 3600000000 THEN `event_micros` ELSE NULL END) `chain_2_step_2_micros`, MAX(`chain_1_step_1_order`) `chain_1_step_1_order`, MAX(`chain_1_step_1_micros`) `chain_1_step_1_micros`
  FROM `funnel_x_chain`
  GROUP BY `key_Select`, `key_User Id`
),
`funnel_x_levels` AS (
  SELECT `key_Select`, `key_User Id`, `chain_2_step_1_order`, `chain_2_step_1_micros`, `chain_2_step_2_order`, `chain_2_step_2_micros`, `chain_1_step_1_order`, `chain_1_step_1_micros`, CASE WHEN `chain_2_step_2_order` IS NOT NULL THEN 2 WHEN `chain_1_step_1_order` IS NOT NULL THEN 1 ELSE 0 END `level`
  FROM `funnel_x_chains`
),
`funnel_x_attempts` AS (
  SELECT `key_Select`, `key_User Id`, `level`, CASE WHEN `level` = 1 THEN `chain_1_step_1_order` WHEN `level` = 2 THEN `chain_2_step_1_order` ELSE NULL END `step_1_order`, CASE WHEN `level` = 1 THEN `chain_1_step_1_micros` WHEN `level` = 2 THEN `chain_2_step_1_micros` ELSE NULL END `step_1_micros`, CASE WHEN `level` = 2 THEN `chain_2_step_2_order` ELSE NULL END `step_2_order`, CASE WHEN `level` = 2 THEN `chain_2_step_2_micros` ELSE NULL END `step_2_micros`
  FROM `funnel_x_levels`
),
`funnel_x_breakdown` AS (
  SELECT `t`.`key_Select`, `t`.`key_User Id`, `t`.`level`, `t`.`step_1_order`, `t`.`step_1_micros`, `t`.`step_2_order`, `t`.`step_2_micros`, `funnel_x_events`.`breakdown_value`
  FROM (SELECT `key_Select`, `key_User Id`, `level`, `step_1_order`, `step_1_micros`, `step_2_order`, `step_2_micros`, CASE WHEN `level` >= 1 THEN `step_1_order` ELSE NULL END `attributed_order`
      FROM `funnel_x_attempts`) `t`
    LEFT JOIN `funnel_x_events` ON `t`.`key_Select` = `funnel_x_events`.`key_Select` AND `t`.`key_User Id` = `funnel_x_events`.`key_User Id` AND `t`.`attributed_order` = `funnel_x_events`.`event_order`
)
SELECT `key_Select` `Select`, `key_User Id` `User Id`, `breakdown_value` `group`, `level` `furthest_step`, CASE WHEN `level` = 1 THEN 'Step One' WHEN `level` = 2 THEN 'from' ELSE NULL END `furthest_step_name`
FROM `funnel_x_breakdown`
