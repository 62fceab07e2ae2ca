WITH "weekly_events_events" AS NOT MATERIALIZED (
  SELECT "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL
),
"weekly_events_periods" AS (
  SELECT "event_time", "event_micros", (DATE '1970-01-01' + CAST((CAST((CAST(("event_time" AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York' AS DATE)) - DATE '1970-01-01' AS BIGINT) - MOD(CAST((CAST(("event_time" AT TIME ZONE 'UTC') AT TIME ZONE 'America/New_York' AS DATE)) - DATE '1970-01-01' AS BIGINT) + 3, 7)) AS INTEGER)) AS "period_start"
  FROM "weekly_events_events"
),
"weekly_events_totals" AS (
  SELECT "period_start", COUNT(*) AS "events"
  FROM "weekly_events_periods"
  GROUP BY "period_start"
)
SELECT "period_start", CAST("events" AS BIGINT) AS "events"
FROM "weekly_events_totals"
