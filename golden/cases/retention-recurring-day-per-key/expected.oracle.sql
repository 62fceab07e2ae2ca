WITH "r_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", CASE WHEN "EVENT_NAME" = 'login' THEN 1 ELSE 0 END "cohort_event", CASE WHEN "EVENT_NAME" = 'purchase' THEN 1 ELSE 0 END "return_event"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'login' OR "EVENT_NAME" = 'purchase')
),
"r_periods" AS (
  SELECT "key_user_id", "event_time", "event_micros", "cohort_event", "return_event", CAST(TRUNC((CAST(TRUNC("event_time" ) AS DATE)) ) - DATE '1970-01-01' AS NUMBER(19)) "period", CAST(TRUNC("event_time" ) AS DATE) "period_start"
  FROM "r_events"
),
"r_cohorts" AS (
  SELECT "key_user_id", "period" "cohort_period", MIN("event_micros") "cohort_micros", MIN("period_start") "cohort"
  FROM "r_periods"
  WHERE "cohort_event" = 1
  GROUP BY "key_user_id", "period"
),
"r_activity" AS (
  SELECT "key_user_id", "period", MAX("event_micros") "last_return_micros"
  FROM "r_periods"
  WHERE "return_event" = 1
  GROUP BY "key_user_id", "period"
),
"r_returns" AS (
  SELECT "r_cohorts"."key_user_id", "r_cohorts"."cohort_period", "r_cohorts"."cohort_micros", "r_cohorts"."cohort", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 0 THEN 1 ELSE 0 END) "returned_0", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 1 THEN 1 ELSE 0 END) "returned_1"
  FROM "r_cohorts"
    LEFT JOIN "r_activity" ON "r_cohorts"."key_user_id" = "r_activity"."key_user_id" AND "r_cohorts"."cohort_micros" <= "r_activity"."last_return_micros" AND "r_cohorts"."cohort_period" <= "r_activity"."period" AND "r_activity"."period" <= "r_cohorts"."cohort_period" + 1
  GROUP BY "r_cohorts"."key_user_id", "r_cohorts"."cohort_period", "r_cohorts"."cohort_micros", "r_cohorts"."cohort"
)
SELECT "key_user_id" "user_id", "cohort", (COALESCE("returned_0", 0)) "returned_0", (COALESCE("returned_1", 0)) "returned_1"
FROM "r_returns"
