WITH "weekly_events_events" AS (
  SELECT "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL
),
"weekly_events_periods" AS (
  SELECT "event_time", "event_micros", DATEADD(DAY, (DATEDIFF(DAY, DATE '1970-01-01', (CAST(FORMATDATETIME(CAST(CAST("event_time" AS VARCHAR) || '+00:00' AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'America/New_York' , 'yyyy-MM-dd') AS DATE))) - MOD(DATEDIFF(DAY, DATE '1970-01-01', (CAST(FORMATDATETIME(CAST(CAST("event_time" AS VARCHAR) || '+00:00' AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'America/New_York' , 'yyyy-MM-dd') AS DATE))) + 3, 7)) , DATE '1970-01-01') AS "period_start"
  FROM "weekly_events_events"
),
"weekly_events_totals" AS (
  SELECT "period_start", COUNT(*) AS "events"
  FROM "weekly_events_periods"
  GROUP BY "period_start"
)
SELECT "period_start", CAST("events" AS BIGINT) AS "events"
FROM "weekly_events_totals"
