WITH "r_events" AS NOT MATERIALIZED (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros", CASE WHEN "event_name" = 'login' THEN 1 ELSE 0 END AS "cohort_event", CASE WHEN "event_name" = 'purchase' THEN 1 ELSE 0 END AS "return_event"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL AND ("event_name" = 'login' OR "event_name" = 'purchase')
),
"r_periods" AS (
  SELECT "key_user_id", "event_time", "event_micros", "cohort_event", "return_event", CAST((CAST("event_time" AS DATE)) - DATE '1970-01-01' AS BIGINT) AS "period", CAST("event_time" AS DATE) AS "period_start"
  FROM "r_events"
),
"r_cohorts" AS (
  SELECT "key_user_id", "period" AS "cohort_period", MIN("event_micros") AS "cohort_micros", MIN("period_start") AS "cohort"
  FROM "r_periods"
  WHERE "cohort_event" = 1
  GROUP BY "key_user_id", "period"
),
"r_activity" AS (
  SELECT "key_user_id", "period", MAX("event_micros") AS "last_return_micros"
  FROM "r_periods"
  WHERE "return_event" = 1
  GROUP BY "key_user_id", "period"
),
"r_returns" AS (
  SELECT "r_cohorts"."key_user_id", "r_cohorts"."cohort_period", "r_cohorts"."cohort_micros", "r_cohorts"."cohort", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 0 THEN 1 ELSE 0 END) AS "returned_0", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 1 THEN 1 ELSE 0 END) AS "returned_1"
  FROM "r_cohorts"
    LEFT JOIN "r_activity" ON "r_cohorts"."key_user_id" = "r_activity"."key_user_id" AND "r_cohorts"."cohort_micros" <= "r_activity"."last_return_micros" AND "r_cohorts"."cohort_period" <= "r_activity"."period" AND "r_activity"."period" <= "r_cohorts"."cohort_period" + 1
  GROUP BY "r_cohorts"."key_user_id", "r_cohorts"."cohort_period", "r_cohorts"."cohort_micros", "r_cohorts"."cohort"
)
SELECT "key_user_id" AS "user_id", "cohort", ((COALESCE("returned_0", 0)) = 1) AS "returned_0", ((COALESCE("returned_1", 0)) = 1) AS "returned_1"
FROM "r_returns"
