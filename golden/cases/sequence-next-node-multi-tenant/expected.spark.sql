WITH `s_events` AS (
  SELECT `account_id` `key_account_id`, `user_id` `key_user_id`, `occurred_at` `event_time`, CASE WHEN `event_name` = 'home' THEN 1 ELSE 0 END `condition_1`, CASE WHEN `event_name` = 'product' THEN 1 ELSE 0 END `condition_2`, `page` `node_value`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `account_id` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL
),
`s_node_events` AS (
  SELECT `key_account_id`, `key_user_id`, ROW_NUMBER() OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_time` NULLS LAST, `node_value`, CAST(`condition_1` * 1 + `condition_2` * 2 AS BIGINT) NULLS LAST) `event_number`, `node_value`, `condition_1`, `condition_2`
  FROM `s_events`
  WHERE `node_value` IS NOT NULL
),
`s_node_bases` AS (
  SELECT `key_account_id`, `key_user_id`, `node`
  FROM (SELECT `key_account_id`, `key_user_id`, CASE WHEN `event_number` = (MIN(CASE WHEN `condition_1` = 1 THEN `event_number` ELSE NULL END) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` NULLS LAST RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) AND `condition_1` = 1 AND (LEAD(`condition_2`, 1) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` NULLS LAST)) = 1 THEN 1 ELSE 0 END `chain_holds`, LEAD(`node_value`, 2) OVER (PARTITION BY `key_account_id`, `key_user_id` ORDER BY `event_number` NULLS LAST) `node`
      FROM `s_node_events`) `t`
  WHERE `chain_holds` = 1
)
SELECT `key_account_id` `account_id`, `key_user_id` `user_id`, MAX(`node`) `next_node`
FROM (SELECT *
      FROM `s_node_bases`
      UNION ALL
      SELECT `key_account_id`, `key_user_id`, NULL `node`
      FROM `s_events`) `t0`
GROUP BY `key_account_id`, `key_user_id`
