WITH "r_cohorts" AS (
  SELECT "ACCOUNT_ID" "key_account_id", "USER_ID" "key_user_id", MIN("OCCURRED_AT") "cohort_time", CAST(TRUNC((MIN("OCCURRED_AT")) ) AS DATE) "cohort", CAST(TRUNC((CAST(TRUNC((MIN("OCCURRED_AT")) ) AS DATE)) ) - DATE '1970-01-01' AS NUMBER(19)) "cohort_period"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "ACCOUNT_ID" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" = 'signup'
  GROUP BY "ACCOUNT_ID", "USER_ID"
),
"r_activity" AS (
  SELECT "ACCOUNT_ID" "key_account_id", "USER_ID" "key_user_id", CAST(TRUNC((CAST(TRUNC("OCCURRED_AT" ) AS DATE)) ) - DATE '1970-01-01' AS NUMBER(19)) "period", MAX("OCCURRED_AT") "last_return_time"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "ACCOUNT_ID" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" = 'login'
  GROUP BY "ACCOUNT_ID", "USER_ID", CAST(TRUNC((CAST(TRUNC("OCCURRED_AT" ) AS DATE)) ) - DATE '1970-01-01' AS NUMBER(19))
),
"r_returns" AS (
  SELECT "r_cohorts"."key_account_id", "r_cohorts"."key_user_id", "r_cohorts"."cohort_time", "r_cohorts"."cohort", "r_cohorts"."cohort_period", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 0 THEN 1 ELSE 0 END) "returned_0", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 1 THEN 1 ELSE 0 END) "returned_1"
  FROM "r_cohorts"
    LEFT JOIN "r_activity" ON "r_cohorts"."key_account_id" = "r_activity"."key_account_id" AND "r_cohorts"."key_user_id" = "r_activity"."key_user_id" AND "r_cohorts"."cohort_time" <= "r_activity"."last_return_time" AND "r_cohorts"."cohort_period" <= "r_activity"."period" AND "r_activity"."period" <= "r_cohorts"."cohort_period" + 1
  GROUP BY "r_cohorts"."key_account_id", "r_cohorts"."key_user_id", "r_cohorts"."cohort_time", "r_cohorts"."cohort", "r_cohorts"."cohort_period"
)
SELECT "key_account_id" "account_id", "key_user_id" "user_id", "cohort", (COALESCE("returned_0", 0)) "returned_0", (COALESCE("returned_1", 0)) "returned_1"
FROM "r_returns"
