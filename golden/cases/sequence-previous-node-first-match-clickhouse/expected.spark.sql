WITH `s_events` AS (
  SELECT `user_id` `key_user_id`, `occurred_at` `event_time`, CASE WHEN `event_name` = 'buy' THEN 1 ELSE 0 END `condition_1`, `page` `node_value`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `user_id` IS NOT NULL AND `event_name` IS NOT NULL
),
`s_node_events` AS (
  SELECT `key_user_id`, CASE WHEN `node_value` IS NOT NULL AND `condition_1` = 1 AND (SUM(CASE WHEN `condition_1` = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY `key_user_id`, CASE WHEN `node_value` IS NULL THEN 1 ELSE 0 END ORDER BY `event_time` NULLS LAST, `node_value`, CAST(`condition_1` * 1 AS BIGINT) NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) = 1 THEN LAG(`node_value`, 1) OVER (PARTITION BY `key_user_id`, CASE WHEN `node_value` IS NULL THEN 1 ELSE 0 END ORDER BY `event_time` NULLS LAST, `node_value`, CAST(`condition_1` * 1 AS BIGINT) NULLS LAST) ELSE NULL END `node`
  FROM `s_events`
)
SELECT `key_user_id` `user_id`, MAX(`node`) `previous_node`
FROM `s_node_events`
GROUP BY `key_user_id`
