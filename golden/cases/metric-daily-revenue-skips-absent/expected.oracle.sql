WITH "daily_purchases_events" AS (
  SELECT "ACCOUNT_ID" "key_account_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", "REVENUE" "sum_value_0", "QTY" "sum_value_1"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "ACCOUNT_ID" IS NOT NULL AND "EVENT_NAME" = 'purchase'
),
"daily_purchases_periods" AS (
  SELECT "key_account_id", "event_time", "event_micros", "sum_value_0", "sum_value_1", CAST(TRUNC("event_time" ) AS DATE) "period_start"
  FROM "daily_purchases_events"
),
"daily_purchases_totals" AS (
  SELECT "key_account_id", "period_start", COUNT(*) "events", COUNT("sum_value_0") "count_0", SUM("sum_value_0") "sum_0", COUNT("sum_value_1") "count_1", SUM("sum_value_1") "sum_1"
  FROM "daily_purchases_periods"
  GROUP BY "key_account_id", "period_start"
)
SELECT "key_account_id" "account_id", "period_start", CAST("events" AS NUMBER(19)) "events", CAST("count_0" AS NUMBER(19)) "revenue_count", CAST(FLOOR(CAST(CAST("sum_0" AS DOUBLE PRECISION) * 1.0000000E6 AS DOUBLE PRECISION) + 5E-1) AS DOUBLE PRECISION) / 1.0000000E6 "revenue_sum", CAST("count_1" AS NUMBER(19)) "qty_count", CAST("sum_1" AS NUMBER(19)) "qty_sum"
FROM "daily_purchases_totals"
