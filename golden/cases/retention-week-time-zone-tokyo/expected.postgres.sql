WITH "r_cohorts" AS (
  SELECT "user_id" AS "key_user_id", MIN("occurred_at") AS "cohort_time", (DATE '1970-01-01' + CAST((CAST((CAST(((MIN("occurred_at")) AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo' AS DATE)) - DATE '1970-01-01' AS BIGINT) - MOD(CAST((CAST(((MIN("occurred_at")) AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo' AS DATE)) - DATE '1970-01-01' AS BIGINT) + 3, 7)) AS INTEGER)) AS "cohort", (CAST((CAST((CAST(((MIN("occurred_at")) AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo' AS DATE)) - DATE '1970-01-01' AS BIGINT) + 3) AS BIGINT) / CAST(7 AS BIGINT)) AS "cohort_period"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" = 'signup'
  GROUP BY "user_id"
),
"r_activity" AS (
  SELECT "user_id" AS "key_user_id", (CAST((CAST((CAST(("occurred_at" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo' AS DATE)) - DATE '1970-01-01' AS BIGINT) + 3) AS BIGINT) / CAST(7 AS BIGINT)) AS "period", MAX("occurred_at") AS "last_return_time"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" = 'login'
  GROUP BY "user_id", (CAST((CAST((CAST(("occurred_at" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Tokyo' AS DATE)) - DATE '1970-01-01' AS BIGINT) + 3) AS BIGINT) / CAST(7 AS BIGINT))
),
"r_returns" AS (
  SELECT "r_cohorts"."key_user_id", "r_cohorts"."cohort_time", "r_cohorts"."cohort", "r_cohorts"."cohort_period", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 0 THEN 1 ELSE 0 END) AS "returned_0", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 1 THEN 1 ELSE 0 END) AS "returned_1"
  FROM "r_cohorts"
    LEFT JOIN "r_activity" ON "r_cohorts"."key_user_id" = "r_activity"."key_user_id" AND "r_cohorts"."cohort_time" <= "r_activity"."last_return_time" AND "r_cohorts"."cohort_period" <= "r_activity"."period" AND "r_activity"."period" <= "r_cohorts"."cohort_period" + 1
  GROUP BY "r_cohorts"."key_user_id", "r_cohorts"."cohort_time", "r_cohorts"."cohort", "r_cohorts"."cohort_period"
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
