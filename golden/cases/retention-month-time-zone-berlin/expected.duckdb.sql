WITH "r_cohorts" AS MATERIALIZED (
  SELECT "user_id" AS "key_user_id", MIN("occurred_at") AS "cohort_time", CAST(DATE '1970-01-01' + CAST((date_diff('day', DATE '1970-01-01', (CAST(timezone('Europe/Berlin' , timezone('UTC', (MIN("occurred_at")) )) AS DATE))) - EXTRACT(DAY FROM CAST(timezone('Europe/Berlin' , timezone('UTC', (MIN("occurred_at")) )) AS DATE)) + 1) AS INTEGER) AS DATE) AS "cohort", EXTRACT(YEAR FROM CAST(timezone('Europe/Berlin' , timezone('UTC', (MIN("occurred_at")) )) AS DATE)) * 12 + (EXTRACT(MONTH FROM CAST(timezone('Europe/Berlin' , timezone('UTC', (MIN("occurred_at")) )) AS DATE)) - 1) AS "cohort_period"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" = 'signup'
  GROUP BY "user_id"
),
"r_activity" AS MATERIALIZED (
  SELECT "user_id" AS "key_user_id", EXTRACT(YEAR FROM CAST(timezone('Europe/Berlin' , timezone('UTC', "occurred_at" )) AS DATE)) * 12 + (EXTRACT(MONTH FROM CAST(timezone('Europe/Berlin' , timezone('UTC', "occurred_at" )) AS DATE)) - 1) AS "period", MAX("occurred_at") AS "last_return_time"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" = 'login'
  GROUP BY "user_id", EXTRACT(YEAR FROM CAST(timezone('Europe/Berlin' , timezone('UTC', "occurred_at" )) AS DATE)) * 12 + (EXTRACT(MONTH FROM CAST(timezone('Europe/Berlin' , timezone('UTC', "occurred_at" )) AS DATE)) - 1)
),
"r_returns" AS MATERIALIZED (
  SELECT "r_cohorts"."key_user_id", "r_cohorts"."cohort_time", "r_cohorts"."cohort", "r_cohorts"."cohort_period", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 0 THEN 1 ELSE 0 END) AS "returned_0", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 1 THEN 1 ELSE 0 END) AS "returned_1"
  FROM "r_cohorts"
    LEFT JOIN "r_activity" ON "r_cohorts"."key_user_id" = "r_activity"."key_user_id" AND "r_cohorts"."cohort_time" <= "r_activity"."last_return_time" AND "r_cohorts"."cohort_period" <= "r_activity"."period" AND "r_activity"."period" <= "r_cohorts"."cohort_period" + 1
  GROUP BY "r_cohorts"."key_user_id", "r_cohorts"."cohort_time", "r_cohorts"."cohort", "r_cohorts"."cohort_period"
)
SELECT "key_user_id" AS "user_id", "cohort", ((COALESCE("returned_0", 0)) = 1) AS "returned_0", ((COALESCE("returned_1", 0)) = 1) AS "returned_1"
FROM "r_returns"
