WITH "r_cohorts" AS (
  SELECT "USER_ID" "key_user_id", MIN("OCCURRED_AT") "cohort_time", (DATE '1970-01-01' + (CAST(TRUNC((TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR((MIN("OCCURRED_AT")) , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Asia/Tokyo' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) ) - DATE '1970-01-01' AS NUMBER(19)) - MOD(CAST(TRUNC((TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR((MIN("OCCURRED_AT")) , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Asia/Tokyo' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) ) - DATE '1970-01-01' AS NUMBER(19)) + 3, 7))) "cohort", TRUNC((CAST(TRUNC((TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR((MIN("OCCURRED_AT")) , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Asia/Tokyo' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) ) - DATE '1970-01-01' AS NUMBER(19)) + 3) / 7) "cohort_period"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" = 'signup'
  GROUP BY "USER_ID"
),
"r_activity" AS (
  SELECT "USER_ID" "key_user_id", TRUNC((CAST(TRUNC((TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("OCCURRED_AT" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Asia/Tokyo' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) ) - DATE '1970-01-01' AS NUMBER(19)) + 3) / 7) "period", MAX("OCCURRED_AT") "last_return_time"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" = 'login'
  GROUP BY "USER_ID", TRUNC((CAST(TRUNC((TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("OCCURRED_AT" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Asia/Tokyo' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) ) - DATE '1970-01-01' AS NUMBER(19)) + 3) / 7)
),
"r_returns" AS (
  SELECT "r_cohorts"."key_user_id", "r_cohorts"."cohort_time", "r_cohorts"."cohort", "r_cohorts"."cohort_period", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 0 THEN 1 ELSE 0 END) "returned_0", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 1 THEN 1 ELSE 0 END) "returned_1"
  FROM "r_cohorts"
    LEFT JOIN "r_activity" ON "r_cohorts"."key_user_id" = "r_activity"."key_user_id" AND "r_cohorts"."cohort_time" <= "r_activity"."last_return_time" AND "r_cohorts"."cohort_period" <= "r_activity"."period" AND "r_activity"."period" <= "r_cohorts"."cohort_period" + 1
  GROUP BY "r_cohorts"."key_user_id", "r_cohorts"."cohort_time", "r_cohorts"."cohort", "r_cohorts"."cohort_period"
),
"r_cohort_sizes" AS (
  SELECT "cohort", COUNT(*) "cohort_size", SUM(COALESCE("returned_0", 0)) "returned_0", SUM(COALESCE("returned_1", 0)) "returned_1"
  FROM "r_returns"
  GROUP BY "cohort"
)
SELECT "cohort", 0 "offset", "cohort_size", "returned_0" "returned", CAST(TRUNC((20000 * "returned_0" + "cohort_size") / (NULLIF(2 * "cohort_size", 0))) AS DOUBLE PRECISION) / 1.000E2 "percentage"
FROM "r_cohort_sizes"
UNION ALL
SELECT "cohort", 1 "offset", "cohort_size", "returned_1" "returned", CAST(TRUNC((20000 * "returned_1" + "cohort_size") / (NULLIF(2 * "cohort_size", 0))) AS DOUBLE PRECISION) / 1.000E2 "percentage"
FROM "r_cohort_sizes"
