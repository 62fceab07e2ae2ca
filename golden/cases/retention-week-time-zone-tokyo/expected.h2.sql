WITH "r_cohorts" AS (
  SELECT "USER_ID" AS "key_user_id", MIN("OCCURRED_AT") AS "cohort_time", DATEADD(DAY, (DATEDIFF(DAY, DATE '1970-01-01', (CAST(FORMATDATETIME(CAST(CAST((MIN("OCCURRED_AT")) AS VARCHAR) || '+00:00' AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'Asia/Tokyo' , 'yyyy-MM-dd') AS DATE))) - MOD(DATEDIFF(DAY, DATE '1970-01-01', (CAST(FORMATDATETIME(CAST(CAST((MIN("OCCURRED_AT")) AS VARCHAR) || '+00:00' AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'Asia/Tokyo' , 'yyyy-MM-dd') AS DATE))) + 3, 7)) , DATE '1970-01-01') AS "cohort", (CAST((DATEDIFF(DAY, DATE '1970-01-01', (CAST(FORMATDATETIME(CAST(CAST((MIN("OCCURRED_AT")) AS VARCHAR) || '+00:00' AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'Asia/Tokyo' , 'yyyy-MM-dd') AS DATE))) + 3) AS BIGINT) / CAST(7 AS BIGINT)) AS "cohort_period"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" = 'signup'
  GROUP BY "USER_ID"
),
"r_activity" AS (
  SELECT "USER_ID" AS "key_user_id", (CAST((DATEDIFF(DAY, DATE '1970-01-01', (CAST(FORMATDATETIME(CAST(CAST("OCCURRED_AT" AS VARCHAR) || '+00:00' AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'Asia/Tokyo' , 'yyyy-MM-dd') AS DATE))) + 3) AS BIGINT) / CAST(7 AS BIGINT)) AS "period", MAX("OCCURRED_AT") AS "last_return_time"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" = 'login'
  GROUP BY "USER_ID", (CAST((DATEDIFF(DAY, DATE '1970-01-01', (CAST(FORMATDATETIME(CAST(CAST("OCCURRED_AT" AS VARCHAR) || '+00:00' AS TIMESTAMP WITH TIME ZONE) AT TIME ZONE 'Asia/Tokyo' , 'yyyy-MM-dd') AS DATE))) + 3) AS BIGINT) / CAST(7 AS BIGINT))
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
SELECT "cohort", 0 AS "offset", "cohort_size", "returned_0" AS "returned", CAST((CAST((20000 * "returned_0" + "cohort_size") AS BIGINT) / CAST((NULLIF(2 * "cohort_size", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "percentage"
FROM "r_cohort_sizes"
UNION ALL
SELECT "cohort", 1 AS "offset", "cohort_size", "returned_1" AS "returned", CAST((CAST((20000 * "returned_1" + "cohort_size") AS BIGINT) / CAST((NULLIF(2 * "cohort_size", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "percentage"
FROM "r_cohort_sizes"
