WITH "r_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", CASE WHEN "EVENT_NAME" = 'signup' THEN 1 ELSE 0 END "cohort_event", CASE WHEN "EVENT_NAME" = 'login' THEN 1 ELSE 0 END "return_event"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'signup' OR "EVENT_NAME" = 'login')
),
"r_periods" AS (
  SELECT "key_user_id", "event_time", "event_micros", "cohort_event", "return_event", EXTRACT(YEAR FROM TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("event_time" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'UTC' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) * 12 + (EXTRACT(MONTH FROM TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("event_time" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'UTC' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) - 1) "period", (DATE '1970-01-01' + (CAST(TRUNC((TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("event_time" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'UTC' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) ) - DATE '1970-01-01' AS NUMBER(19)) - EXTRACT(DAY FROM TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("event_time" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'UTC' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) + 1)) "period_start"
  FROM "r_events"
),
"r_cohorts" AS (
  SELECT "key_user_id", MIN("event_micros") "cohort_micros", MIN("period_start") "cohort", MIN("period") "cohort_period"
  FROM "r_periods"
  WHERE "cohort_event" = 1
  GROUP BY "key_user_id"
),
"r_activity" AS (
  SELECT "key_user_id", "period", MAX("event_micros") "last_return_micros"
  FROM "r_periods"
  WHERE "return_event" = 1
  GROUP BY "key_user_id", "period"
),
"r_returns" AS (
  SELECT "r_cohorts"."key_user_id", "r_cohorts"."cohort_micros", "r_cohorts"."cohort", "r_cohorts"."cohort_period", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 0 THEN 1 ELSE 0 END) "returned_0", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 1 THEN 1 ELSE 0 END) "returned_1", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 2 THEN 1 ELSE 0 END) "returned_2"
  FROM "r_cohorts"
    LEFT JOIN "r_activity" ON "r_cohorts"."key_user_id" = "r_activity"."key_user_id" AND "r_cohorts"."cohort_micros" <= "r_activity"."last_return_micros" AND "r_cohorts"."cohort_period" <= "r_activity"."period" AND "r_activity"."period" <= "r_cohorts"."cohort_period" + 2
  GROUP BY "r_cohorts"."key_user_id", "r_cohorts"."cohort_micros", "r_cohorts"."cohort", "r_cohorts"."cohort_period"
)
SELECT "key_user_id" "user_id", "cohort", (COALESCE("returned_0", 0)) "returned_0", (COALESCE("returned_1", 0)) "returned_1", (COALESCE("returned_2", 0)) "returned_2"
FROM "r_returns"
