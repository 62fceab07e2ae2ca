WITH `f_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, ROW_NUMBER() OVER (PARTITION BY `user_id` ORDER BY `occurred_at` NULLS LAST, `event_name`) `event_order`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `step_1`, CASE WHEN `event_name` = 'b' OR `event_name` = 'bc' THEN 1 ELSE 0 END `step_2`, CASE WHEN `event_name` = 'c' OR `event_name` = 'bc' THEN 1 ELSE 0 END `step_3`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL
),
`f_entries` AS (
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
`f_numbered_entries` AS (
  SELECT `key_user_id`, `event_order`, `event_micros`, `entry_step`, ROW_NUMBER() OVER (PARTITION BY `key_user_id` ORDER BY `event_micros` NULLS LAST, `entry_step` NULLS LAST, `event_order` NULLS LAST) `entry_number`, COUNT(*) OVER (PARTITION BY `key_user_id` ORDER BY `event_micros` NULLS LAST, `entry_step` NULLS LAST, `event_order` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) `entry_count`
  FROM `f_entries`
),
`f_candidates_1` AS (
  SELECT `key_user_id`, `entry_number` `step_1_entry`, `event_order` `step_1_order`, `event_micros` `step_1_micros`
  FROM `f_numbered_entries`
  WHERE `entry_step` = 1
),
`f_candidates_2` AS (
  SELECT `f_candidates_1`.`key_user_id`, `f_candidates_1`.`step_1_entry`, `f_candidates_1`.`step_1_order`, `f_candidates_1`.`step_1_micros`, `f_numbered_entries`.`entry_number` `step_2_entry`, `f_numbered_entries`.`event_order` `step_2_order`, `f_numbered_entries`.`event_micros` `step_2_micros`
  FROM `f_candidates_1`
    INNER JOIN `f_numbered_entries` ON `f_candidates_1`.`key_user_id` = `f_numbered_entries`.`key_user_id` AND `f_numbered_entries`.`entry_step` = 2 AND `f_candidates_1`.`step_1_micros` <= `f_numbered_entries`.`event_micros` AND `f_numbered_entries`.`event_micros` <= `f_candidates_1`.`step_1_micros` + 3600000000 AND `f_numbered_entries`.`event_order` <> `f_candidates_1`.`step_1_order`
),
`f_candidates_3` AS (
  SELECT `f_candidates_2`.`key_user_id`, `f_candidates_2`.`step_1_entry`, `f_candidates_2`.`step_1_order`, `f_candidates_2`.`step_1_micros`, `f_candidates_2`.`step_2_entry`, `f_candidates_2`.`step_2_order`, `f_candidates_2`.`step_2_micros`, `f_numbered_entries`.`entry_number` `step_3_entry`, `f_numbered_entries`.`event_order` `step_3_order`, `f_numbered_entries`.`event_micros` `step_3_micros`
  FROM `f_candidates_2`
    INNER JOIN `f_numbered_entries` ON `f_candidates_2`.`key_user_id` = `f_numbered_entries`.`key_user_id` AND (`f_numbered_entries`.`entry_step` = 3 AND `f_candidates_2`.`step_2_micros` <= `f_numbered_entries`.`event_micros`) AND (`f_numbered_entries`.`event_micros` <= `f_candidates_2`.`step_1_micros` + 3600000000 AND (`f_numbered_entries`.`event_order` <> `f_candidates_2`.`step_1_order` AND `f_numbered_entries`.`event_order` <> `f_candidates_2`.`step_2_order`))
),
`f_candidates` AS (
  SELECT `key_user_id`, CAST(1 AS BIGINT) `chain_level`, `step_1_entry` `last_entry`, `step_1_micros` `anchor_micros`, `step_1_entry`, `step_1_order`, `step_1_micros`, CAST(NULL AS BIGINT) `step_2_entry`, CAST(NULL AS BIGINT) `step_2_order`, CAST(NULL AS BIGINT) `step_2_micros`, CAST(NULL AS BIGINT) `step_3_entry`, CAST(NULL AS BIGINT) `step_3_order`, CAST(NULL AS BIGINT) `step_3_micros`
  FROM `f_candidates_1`
  UNION ALL
  SELECT `key_user_id`, CAST(2 AS BIGINT) `chain_level`, `step_2_entry` `last_entry`, `step_1_micros` `anchor_micros`, `step_1_entry`, `step_1_order`, `step_1_micros`, `step_2_entry`, `step_2_order`, `step_2_micros`, CAST(NULL AS BIGINT) `step_3_entry`, CAST(NULL AS BIGINT) `step_3_order`, CAST(NULL AS BIGINT) `step_3_micros`
  FROM `f_candidates_2`
  UNION ALL
  SELECT `key_user_id`, CAST(3 AS BIGINT) `chain_level`, `step_3_entry` `last_entry`, `step_1_micros` `anchor_micros`, `step_1_entry`, `step_1_order`, `step_1_micros`, `step_2_entry`, `step_2_order`, `step_2_micros`, `step_3_entry`, `step_3_order`, `step_3_micros`
  FROM `f_candidates_3`
),
`f_listed_candidates` AS (
  SELECT `key_user_id`, `chain_level`, `last_entry`, `anchor_micros`, `step_1_entry`, `step_1_order`, `step_1_micros`, `step_2_entry`, `step_2_order`, `step_2_micros`, `step_3_entry`, `step_3_order`, `step_3_micros`, ROW_NUMBER() OVER (PARTITION BY `key_user_id`, `chain_level` ORDER BY `step_3_entry` NULLS LAST, `step_2_entry` NULLS LAST, `step_1_entry` NULLS LAST) `list_position`
  FROM `f_candidates`
),
`f_first_chains` AS (
  SELECT `key_user_id`, MIN(CASE WHEN `chain_level` = 1 THEN `last_entry` ELSE NULL END) `first_at_level_1`, MIN(CASE WHEN `chain_level` = 2 THEN `last_entry` ELSE NULL END) `first_at_level_2`, MIN(CASE WHEN `chain_level` = 3 THEN `last_entry` ELSE NULL END) `first_at_level_3`
  FROM `f_listed_candidates`
  GROUP BY `key_user_id`
),
`f_scan_stops` AS (
  SELECT `f_numbered_entries`.`key_user_id`, MIN(CAST(NULL AS BIGINT)) `stop_entry`, MAX(`f_numbered_entries`.`entry_number`) `entries`, MAX(`f_first_chains`.`first_at_level_1`) `first_at_level_1`, MAX(`f_first_chains`.`first_at_level_2`) `first_at_level_2`, MAX(`f_first_chains`.`first_at_level_3`) `first_at_level_3`
  FROM `f_numbered_entries`
    LEFT JOIN `f_first_chains` ON `f_numbered_entries`.`key_user_id` = `f_first_chains`.`key_user_id`
  GROUP BY `f_numbered_entries`.`key_user_id`
),
`f_scan_ends` AS (
  SELECT `key_user_id`, CAST(CASE WHEN `first_at_level_3` + 1 < COALESCE(`stop_entry`, `entries` + 1) THEN `first_at_level_3` + 1 ELSE COALESCE(`stop_entry`, `entries` + 1) END AS BIGINT) `end_entry`, `first_at_level_1`, `first_at_level_2`, `first_at_level_3`
  FROM `f_scan_stops`
),
`f_scan_levels` AS (
  SELECT `key_user_id`, `end_entry`, CASE WHEN `first_at_level_3` < `end_entry` THEN 3 WHEN `first_at_level_2` < `end_entry` THEN 2 WHEN `first_at_level_1` < `end_entry` THEN 1 ELSE 0 END `level`, CASE WHEN `first_at_level_3` < `end_entry` THEN `first_at_level_3` WHEN `first_at_level_2` < `end_entry` THEN `first_at_level_2` WHEN `first_at_level_1` < `end_entry` THEN `first_at_level_1` ELSE CAST(NULL AS BIGINT) END `level_first_entry`
  FROM `f_scan_ends`
),
`f_reached_chains` AS (
  SELECT `f_listed_candidates`.`key_user_id`, `f_listed_candidates`.`chain_level`, `f_listed_candidates`.`last_entry`, `f_listed_candidates`.`anchor_micros`, `f_listed_candidates`.`step_1_entry`, `f_listed_candidates`.`step_1_order`, `f_listed_candidates`.`step_1_micros`, `f_listed_candidates`.`step_2_entry`, `f_listed_candidates`.`step_2_order`, `f_listed_candidates`.`step_2_micros`, `f_listed_candidates`.`step_3_entry`, `f_listed_candidates`.`step_3_order`, `f_listed_candidates`.`step_3_micros`, `f_listed_candidates`.`list_position`
  FROM `f_listed_candidates`
    INNER JOIN `f_scan_levels` ON `f_listed_candidates`.`key_user_id` = `f_scan_levels`.`key_user_id` AND `f_listed_candidates`.`chain_level` = `f_scan_levels`.`level` AND `f_listed_candidates`.`last_entry` < `f_scan_levels`.`end_entry`
),
`f_prunes` AS (
  SELECT `f_numbered_entries`.`key_user_id`, `f_numbered_entries`.`entry_number` `prune_entry`, `f_numbered_entries`.`event_micros` `prune_micros`
  FROM `f_numbered_entries`
    INNER JOIN `f_scan_levels` ON `f_numbered_entries`.`key_user_id` = `f_scan_levels`.`key_user_id` AND `f_numbered_entries`.`entry_step` = `f_scan_levels`.`level` + 1 AND `f_numbered_entries`.`entry_number` > `f_scan_levels`.`level_first_entry` AND `f_numbered_entries`.`entry_number` < `f_scan_levels`.`end_entry`
),
`f_chain_prunes` AS (
  SELECT `f_reached_chains`.`key_user_id`, `f_reached_chains`.`list_position`, MAX(`f_prunes`.`prune_entry`) `last_prune`
  FROM `f_reached_chains`
    LEFT JOIN `f_prunes` ON `f_reached_chains`.`key_user_id` = `f_prunes`.`key_user_id` AND `f_reached_chains`.`last_entry` < `f_prunes`.`prune_entry` AND `f_prunes`.`prune_micros` <= `f_reached_chains`.`anchor_micros` + 3600000000
  GROUP BY `f_reached_chains`.`key_user_id`, `f_reached_chains`.`list_position`
),
`f_best_prunes` AS (
  SELECT `key_user_id`, MAX(`last_prune`) `best_prune`
  FROM `f_chain_prunes`
  GROUP BY `key_user_id`
),
`f_reported_positions` AS (
  SELECT `f_chain_prunes`.`key_user_id`, MIN(CASE WHEN `f_chain_prunes`.`last_prune` = `f_best_prunes`.`best_prune` THEN `f_chain_prunes`.`list_position` ELSE NULL END) `reported_position`
  FROM `f_chain_prunes`
    INNER JOIN `f_best_prunes` ON `f_chain_prunes`.`key_user_id` = `f_best_prunes`.`key_user_id`
  GROUP BY `f_chain_prunes`.`key_user_id`
),
`f_reported_chains` AS (
  SELECT `key_user_id`, CAST(COALESCE(`reported_position`, 1) AS BIGINT) `reported_position`
  FROM `f_reported_positions`
),
`f_chains` AS (
  SELECT `f_reached_chains`.`key_user_id`, `f_reached_chains`.`chain_level` `level`, `f_reached_chains`.`step_1_order`, `f_reached_chains`.`step_1_micros`, `f_reached_chains`.`step_2_order`, `f_reached_chains`.`step_2_micros`, `f_reached_chains`.`step_3_order`, `f_reached_chains`.`step_3_micros`
  FROM `f_reached_chains`
    INNER JOIN `f_reported_chains` ON `f_reached_chains`.`key_user_id` = `f_reported_chains`.`key_user_id` AND `f_reached_chains`.`list_position` = `f_reported_chains`.`reported_position`
  UNION ALL
  SELECT `key_user_id`, CAST(0 AS BIGINT) `level`, CAST(NULL AS BIGINT) `step_1_order`, CAST(NULL AS BIGINT) `step_1_micros`, CAST(NULL AS BIGINT) `step_2_order`, CAST(NULL AS BIGINT) `step_2_micros`, CAST(NULL AS BIGINT) `step_3_order`, CAST(NULL AS BIGINT) `step_3_micros`
  FROM `f_scan_levels`
  WHERE `level` = 0
),
`f_keys` AS (
  SELECT `key_user_id`, MAX(CASE WHEN `step_1` = 1 OR `step_2` = 1 OR `step_3` = 1 THEN 1 ELSE 0 END) `has_attempt`
  FROM `f_events`
  GROUP BY `key_user_id`
),
`f_attempts` AS (
  SELECT *
  FROM `f_chains`
  UNION ALL
  SELECT `key_user_id`, 0 `level`, NULL `step_1_order`, NULL `step_1_micros`, NULL `step_2_order`, NULL `step_2_micros`, NULL `step_3_order`, NULL `step_3_micros`
  FROM `f_keys`
  WHERE `has_attempt` = 0
)
SELECT `key_user_id` `user_id`, `level` `furthest_step`, CASE WHEN `level` = 1 THEN 'a' WHEN `level` = 2 THEN 'b' WHEN `level` = 3 THEN 'c' ELSE NULL END `furthest_step_name`
FROM `f_attempts`
