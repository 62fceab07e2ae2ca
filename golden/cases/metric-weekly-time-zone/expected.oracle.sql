WITH "weekly_events_events" AS (
  SELECT "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL
),
"weekly_events_periods" AS (
  SELECT "event_time", "event_micros", (DATE '1970-01-01' + (CAST(TRUNC((TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("event_time" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'America/New_York' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) ) - DATE '1970-01-01' AS NUMBER(19)) - MOD(CAST(TRUNC((TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("event_time" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'America/New_York' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) ) - DATE '1970-01-01' AS NUMBER(19)) + 3, 7))) "period_start"
  FROM "weekly_events_events"
),
"weekly_events_totals" AS (
  SELECT "period_start", COUNT(*) "events"
  FROM "weekly_events_periods"
  GROUP BY "period_start"
)
SELECT "period_start", CAST("events" AS NUMBER(19)) "events"
FROM "weekly_events_totals"
