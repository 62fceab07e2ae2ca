WITH "daily_purchases_events" AS (
  SELECT "ACCOUNT_ID" AS "key_account_id", "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros", "REVENUE" AS "sum_value_0", "QTY" AS "sum_value_1"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "ACCOUNT_ID" IS NOT NULL AND "EVENT_NAME" = 'purchase'
),
"daily_purchases_periods" AS (
  SELECT "key_account_id", "event_time", "event_micros", "sum_value_0", "sum_value_1", CAST("event_time" AS DATE) AS "period_start"
  FROM "daily_purchases_events"
),
"daily_purchases_totals" AS (
  SELECT "key_account_id", "period_start", COUNT(*) AS "events", COUNT("sum_value_0") AS "count_0", SUM("sum_value_0") AS "sum_0", COUNT("sum_value_1") AS "count_1", SUM("sum_value_1") AS "sum_1"
  FROM "daily_purchases_periods"
  GROUP BY "key_account_id", "period_start"
)
SELECT "key_account_id" AS "account_id", "period_start", CAST("events" AS BIGINT) AS "events", CAST("count_0" AS BIGINT) AS "revenue_count", CAST(FLOOR(CAST(CAST("sum_0" AS DOUBLE) * 1.0000000E6 AS DOUBLE) + 5E-1) AS DOUBLE) / 1.0000000E6 AS "revenue_sum", CAST("count_1" AS BIGINT) AS "qty_count", CAST("sum_1" AS BIGINT) AS "qty_sum"
FROM "daily_purchases_totals"
