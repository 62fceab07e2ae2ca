WITH `p_events` AS (
  SELECT `account_id` `key_account_id`, `user_id` `key_user_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, CASE WHEN `event_name` = 'a' THEN 1 ELSE 0 END `anchor_flag`, `event_name` `node_value`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `account_id` IS NOT NULL AND `user_id` IS NOT NULL
),
`p_nodes` AS (
  SELECT `key_account_id`, `key_user_id`, `event_micros`, `node_value` `node`, `anchor_flag`
  FROM `p_events`
),
`p_ordered_events` AS (
  SELECT `key_account_id`, `key_user_id`, `event_micros`, `node`, `anchor_flag`, ROW_NUMBER() OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_micros` NULLS LAST, `node` NULLS LAST, `anchor_flag` DESC NULLS FIRST) `path_order`
  FROM `p_nodes`
  WHERE `node` IS NOT NULL
),
`p_anchored_events` AS (
  SELECT `key_account_id`, `key_user_id`, `event_micros`, `node`, `anchor_flag`, `path_order`, MIN(CASE WHEN `anchor_flag` = 1 THEN `path_order` ELSE NULL END) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `path_order` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) `anchor_order`, MIN(CASE WHEN `anchor_flag` = 1 THEN `event_micros` ELSE NULL END) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `path_order` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) `anchor_micros`
  FROM `p_ordered_events`
),
`p_path_events` AS (
  SELECT `key_account_id`, `key_user_id`, `node`, `path_order`
  FROM `p_anchored_events`
  WHERE `anchor_order` IS NOT NULL AND `path_order` >= `anchor_order`
),
`p_path_steps` AS (
  SELECT `key_account_id`, `key_user_id`, `node`, ROW_NUMBER() OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `path_order` NULLS LAST) `position`
  FROM `p_path_events`
),
`p_key_transitions` AS (
  SELECT `key_account_id`, `key_user_id`, `node`, `position`, LEAD(`node`) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `position` NULLS LAST) `next_node`
  FROM `p_path_steps`
  WHERE `position` <= 3
),
`p_transition_counts` AS (
  SELECT `node` `from_node`, `position` `depth`, `next_node` `to_node`, COUNT(*) `keys`
  FROM `p_key_transitions`
  WHERE `position` <= 2
  GROUP BY `node`, `position`, `next_node`
),
`p_ranked_transitions` AS (
  SELECT `depth`, `from_node`, `to_node`, `keys`, ROW_NUMBER() OVER (PARTITION BY `depth` ORDER BY `keys` DESC NULLS FIRST, CASE WHEN `from_node` IS NULL THEN 1 ELSE 0 END NULLS LAST, `from_node` NULLS LAST, CASE WHEN `to_node` IS NULL THEN 1 ELSE 0 END NULLS LAST, `to_node` NULLS LAST) `transition_rank`, SUM(`keys`) OVER (PARTITION BY `depth` ORDER BY `keys` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) `depth_keys`
  FROM `p_transition_counts`
)
SELECT CAST(`depth` AS BIGINT) `depth`, `from_node`, `to_node`, CAST(`keys` AS BIGINT) `keys`, CAST((CAST((20000 * `keys` + `depth_keys`) AS BIGINT) DIV CAST((NULLIF(2 * `depth_keys`, 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 `percentage`
FROM `p_ranked_transitions`
WHERE `transition_rank` <= 10
