WITH "r_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", CASE WHEN "EVENT_NAME" = 'signup' THEN 1 ELSE 0 END "cohort_event", CASE WHEN "EVENT_NAME" = 'login' THEN 1 ELSE 0 END "return_event"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'signup' OR "EVENT_NAME" = 'login')
),
"r_periods" AS (
  SELECT "key_user_id", "event_time", "event_micros", "cohort_event", "return_event", CAST(TRUNC("event_time" ) AS DATE) "period_start"
  FROM "r_events"
),
"r_cohorts" AS (
  SELECT "key_user_id", MIN("event_micros") "cohort_micros", MIN("period_start") "cohort"
  FROM "r_periods"
  WHERE "cohort_event" = 1
  GROUP BY "key_user_id"
),
"r_return_events" AS (
  SELECT *
  FROM "r_periods"
  WHERE "return_event" = 1
),
"r_returns" AS (
  SELECT "r_cohorts"."key_user_id", "r_cohorts"."cohort_micros", "r_cohorts"."cohort", MAX(CASE WHEN TRUNC(("r_return_events"."event_micros" - "r_cohorts"."cohort_micros") / 86400000000) >= 0 THEN 1 ELSE 0 END) "returned_0", MAX(CASE WHEN TRUNC(("r_return_events"."event_micros" - "r_cohorts"."cohort_micros") / 86400000000) >= 1 THEN 1 ELSE 0 END) "returned_1", MAX(CASE WHEN TRUNC(("r_return_events"."event_micros" - "r_cohorts"."cohort_micros") / 86400000000) >= 2 THEN 1 ELSE 0 END) "returned_2"
  FROM "r_cohorts"
    LEFT JOIN "r_return_events" ON "r_cohorts"."key_user_id" = "r_return_events"."key_user_id" AND "r_cohorts"."cohort_micros" <= "r_return_events"."event_micros"
  GROUP BY "r_cohorts"."key_user_id", "r_cohorts"."cohort_micros", "r_cohorts"."cohort"
),
"r_cohort_sizes" AS (
  SELECT "cohort", COUNT(*) "cohort_size", SUM(COALESCE("returned_0", 0)) "returned_0", SUM(COALESCE("returned_1", 0)) "returned_1", SUM(COALESCE("returned_2", 0)) "returned_2"
  FROM "r_returns"
  GROUP BY "cohort"
)
SELECT "cohort", 0 "offset", "cohort_size", "returned_0" "returned", CAST(TRUNC((20000 * "returned_0" + "cohort_size") / (NULLIF(2 * "cohort_size", 0))) AS DOUBLE PRECISION) / 1.000E2 "percentage"
FROM "r_cohort_sizes"
UNION ALL
SELECT "cohort", 1 "offset", "cohort_size", "returned_1" "returned", CAST(TRUNC((20000 * "returned_1" + "cohort_size") / (NULLIF(2 * "cohort_size", 0))) AS DOUBLE PRECISION) / 1.000E2 "percentage"
FROM "r_cohort_sizes"
UNION ALL
SELECT "cohort", 2 "offset", "cohort_size", "returned_2" "returned", CAST(TRUNC((20000 * "returned_2" + "cohort_size") / (NULLIF(2 * "cohort_size", 0))) AS DOUBLE PRECISION) / 1.000E2 "percentage"
FROM "r_cohort_sizes"
