WITH "r_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", CASE WHEN "event_name" = 'signup' THEN 1 ELSE 0 END AS "cohort_event", CASE WHEN "event_name" = 'login' THEN 1 ELSE 0 END AS "return_event"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL AND ("event_name" = 'signup' OR "event_name" = 'login')
),
"r_periods" AS MATERIALIZED (
  SELECT "key_user_id", "event_time", "event_micros", "cohort_event", "return_event", CAST("event_time" AS DATE) AS "period_start"
  FROM "r_events"
),
"r_cohorts" AS MATERIALIZED (
  SELECT "key_user_id", MIN("event_micros") AS "cohort_micros", MIN("period_start") AS "cohort"
  FROM "r_periods"
  WHERE "cohort_event" = 1
  GROUP BY "key_user_id"
),
"r_return_events" AS MATERIALIZED (
  SELECT *
  FROM "r_periods"
  WHERE "return_event" = 1
),
"r_returns" AS MATERIALIZED (
  SELECT "r_cohorts"."key_user_id", "r_cohorts"."cohort_micros", "r_cohorts"."cohort", MAX(CASE WHEN (("r_return_events"."event_micros" - "r_cohorts"."cohort_micros") // 86400000000) = 0 THEN 1 ELSE 0 END) AS "returned_0", MAX(CASE WHEN (("r_return_events"."event_micros" - "r_cohorts"."cohort_micros") // 86400000000) = 1 THEN 1 ELSE 0 END) AS "returned_1", MAX(CASE WHEN (("r_return_events"."event_micros" - "r_cohorts"."cohort_micros") // 86400000000) = 2 THEN 1 ELSE 0 END) AS "returned_2"
  FROM "r_cohorts"
    LEFT JOIN "r_return_events" ON "r_cohorts"."key_user_id" = "r_return_events"."key_user_id" AND "r_cohorts"."cohort_micros" <= "r_return_events"."event_micros"
  GROUP BY "r_cohorts"."key_user_id", "r_cohorts"."cohort_micros", "r_cohorts"."cohort"
)
SELECT "key_user_id" AS "user_id", "cohort", ((COALESCE("returned_0", 0)) = 1) AS "returned_0", ((COALESCE("returned_1", 0)) = 1) AS "returned_1", ((COALESCE("returned_2", 0)) = 1) AS "returned_2"
FROM "r_returns"
