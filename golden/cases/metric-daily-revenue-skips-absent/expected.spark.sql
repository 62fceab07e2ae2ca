WITH `daily_purchases_events` AS (
  SELECT `account_id` `key_account_id`, `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`, `revenue` `sum_value_0`, `qty` `sum_value_1`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL AND `account_id` IS NOT NULL AND `event_name` = 'purchase'
),
`daily_purchases_periods` AS (
  SELECT `key_account_id`, `event_time`, `event_micros`, `sum_value_0`, `sum_value_1`, CAST(`event_time` AS DATE) `period_start`
  FROM `daily_purchases_events`
),
`daily_purchases_totals` AS (
  SELECT `key_account_id`, `period_start`, COUNT(*) `events`, COUNT(`sum_value_0`) `count_0`, SUM(`sum_value_0`) `sum_0`, COUNT(`sum_value_1`) `count_1`, SUM(`sum_value_1`) `sum_1`
  FROM `daily_purchases_periods`
  GROUP BY `key_account_id`, `period_start`
)
SELECT `key_account_id` `account_id`, `period_start`, CAST(`events` AS BIGINT) `events`, CAST(`count_0` AS BIGINT) `revenue_count`, CAST(FLOOR(CAST(CAST(`sum_0` AS DOUBLE) * 1.0000000E6 AS DOUBLE) + 5E-1) AS DOUBLE) / 1.0000000E6 `revenue_sum`, CAST(`count_1` AS BIGINT) `qty_count`, CAST(`sum_1` AS BIGINT) `qty_sum`
FROM `daily_purchases_totals`
