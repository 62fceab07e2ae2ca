WITH "weekly_events_events" AS (
  SELECT "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL
),
"weekly_events_periods" AS MATERIALIZED (
  SELECT "event_time", "event_micros", CAST(DATE '1970-01-01' + CAST((date_diff('day', DATE '1970-01-01', (CAST(timezone('America/New_York' , timezone('UTC', "event_time" )) AS DATE))) - MOD(date_diff('day', DATE '1970-01-01', (CAST(timezone('America/New_York' , timezone('UTC', "event_time" )) AS DATE))) + 3, 7)) AS INTEGER) AS DATE) AS "period_start"
  FROM "weekly_events_events"
),
"weekly_events_totals" AS MATERIALIZED (
  SELECT "period_start", COUNT(*) AS "events"
  FROM "weekly_events_periods"
  GROUP BY "period_start"
)
SELECT "period_start", CAST("events" AS BIGINT) AS "events"
FROM "weekly_events_totals"
