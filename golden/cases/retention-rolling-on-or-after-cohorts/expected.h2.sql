WITH "r_events" AS (
  SELECT "USER_ID" AS "key_user_id", "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros", CASE WHEN "EVENT_NAME" = 'signup' THEN 1 ELSE 0 END AS "cohort_event", CASE WHEN "EVENT_NAME" = 'login' THEN 1 ELSE 0 END AS "return_event"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'signup' OR "EVENT_NAME" = 'login')
),
"r_periods" AS (
  SELECT "key_user_id", "event_time", "event_micros", "cohort_event", "return_event", CAST("event_time" AS DATE) AS "period_start"
  FROM "r_events"
),
"r_cohorts" AS (
  SELECT "key_user_id", MIN("event_micros") AS "cohort_micros", MIN("period_start") AS "cohort"
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
  SELECT "r_cohorts"."key_user_id", "r_cohorts"."cohort_micros", "r_cohorts"."cohort", MAX(CASE WHEN (CAST(("r_return_events"."event_micros" - "r_cohorts"."cohort_micros") AS BIGINT) / CAST(86400000000 AS BIGINT)) >= 0 THEN 1 ELSE 0 END) AS "returned_0", MAX(CASE WHEN (CAST(("r_return_events"."event_micros" - "r_cohorts"."cohort_micros") AS BIGINT) / CAST(86400000000 AS BIGINT)) >= 1 THEN 1 ELSE 0 END) AS "returned_1", MAX(CASE WHEN (CAST(("r_return_events"."event_micros" - "r_cohorts"."cohort_micros") AS BIGINT) / CAST(86400000000 AS BIGINT)) >= 2 THEN 1 ELSE 0 END) AS "returned_2"
  FROM "r_cohorts"
    LEFT JOIN "r_return_events" ON "r_cohorts"."key_user_id" = "r_return_events"."key_user_id" AND "r_cohorts"."cohort_micros" <= "r_return_events"."event_micros"
  GROUP BY "r_cohorts"."key_user_id", "r_cohorts"."cohort_micros", "r_cohorts"."cohort"
),
"r_cohort_sizes" AS (
  SELECT "cohort", COUNT(*) AS "cohort_size", SUM(COALESCE("returned_0", 0)) AS "returned_0", SUM(COALESCE("returned_1", 0)) AS "returned_1", SUM(COALESCE("returned_2", 0)) AS "returned_2"
  FROM "r_returns"
  GROUP BY "cohort"
)
SELECT "cohort", 0 AS "offset", "cohort_size", "returned_0" AS "returned", CAST((CAST((20000 * "returned_0" + "cohort_size") AS BIGINT) / CAST((NULLIF(2 * "cohort_size", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "percentage"
FROM "r_cohort_sizes"
UNION ALL
SELECT "cohort", 1 AS "offset", "cohort_size", "returned_1" AS "returned", CAST((CAST((20000 * "returned_1" + "cohort_size") AS BIGINT) / CAST((NULLIF(2 * "cohort_size", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "percentage"
FROM "r_cohort_sizes"
UNION ALL
SELECT "cohort", 2 AS "offset", "cohort_size", "returned_2" AS "returned", CAST((CAST((20000 * "returned_2" + "cohort_size") AS BIGINT) / CAST((NULLIF(2 * "cohort_size", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "percentage"
FROM "r_cohort_sizes"
