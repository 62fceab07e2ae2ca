WITH "r_events" AS NOT MATERIALIZED (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros", CASE WHEN "event_name" = 'login' THEN 1 ELSE 0 END AS "cohort_event", CASE WHEN "event_name" = 'login' THEN 1 ELSE 0 END AS "return_event"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL AND "event_name" = 'login'
),
"r_periods" AS (
  SELECT "key_user_id", "event_time", "event_micros", "cohort_event", "return_event", (CAST((CAST((CAST("event_time" AS DATE)) - DATE '1970-01-01' AS BIGINT) + 3) AS BIGINT) / CAST(7 AS BIGINT)) AS "period", (DATE '1970-01-01' + CAST((CAST((CAST("event_time" AS DATE)) - DATE '1970-01-01' AS BIGINT) - MOD(CAST((CAST("event_time" AS DATE)) - DATE '1970-01-01' AS BIGINT) + 3, 7)) AS INTEGER)) AS "period_start"
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
),
"r_cohort_sizes" AS (
  SELECT "cohort", COUNT(*) AS "cohort_size", SUM(COALESCE("returned_0", 0)) AS "returned_0", SUM(COALESCE("returned_1", 0)) AS "returned_1"
  FROM "r_returns"
  GROUP BY "cohort"
)
SELECT "cohort", 0 AS "offset", "cohort_size", "returned_0" AS "returned", CAST((CAST((20000 * "returned_0" + "cohort_size") AS BIGINT) / CAST((NULLIF(2 * "cohort_size", 0)) AS BIGINT)) AS DOUBLE PRECISION) / 1.000E2 AS "percentage"
FROM "r_cohort_sizes"
UNION ALL
SELECT "cohort", 1 AS "offset", "cohort_size", "returned_1" AS "returned", CAST((CAST((20000 * "returned_1" + "cohort_size") AS BIGINT) / CAST((NULLIF(2 * "cohort_size", 0)) AS BIGINT)) AS DOUBLE PRECISION) / 1.000E2 AS "percentage"
FROM "r_cohort_sizes"
