WITH "r_cohorts" AS (
  SELECT "USER_ID" "key_user_id", MIN("OCCURRED_AT") "cohort_time", (DATE '1970-01-01' + (CAST(TRUNC((TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR((MIN("OCCURRED_AT")) , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Europe/Berlin' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) ) - DATE '1970-01-01' AS NUMBER(19)) - EXTRACT(DAY FROM TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR((MIN("OCCURRED_AT")) , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Europe/Berlin' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) + 1)) "cohort", EXTRACT(YEAR FROM TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR((MIN("OCCURRED_AT")) , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Europe/Berlin' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) * 12 + (EXTRACT(MONTH FROM TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR((MIN("OCCURRED_AT")) , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Europe/Berlin' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) - 1) "cohort_period"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" = 'signup'
  GROUP BY "USER_ID"
),
"r_activity" AS (
  SELECT "USER_ID" "key_user_id", EXTRACT(YEAR FROM TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("OCCURRED_AT" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Europe/Berlin' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) * 12 + (EXTRACT(MONTH FROM TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("OCCURRED_AT" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Europe/Berlin' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) - 1) "period", MAX("OCCURRED_AT") "last_return_time"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" = 'login'
  GROUP BY "USER_ID", EXTRACT(YEAR FROM TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("OCCURRED_AT" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Europe/Berlin' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) * 12 + (EXTRACT(MONTH FROM TO_DATE(TO_CHAR(TO_TIMESTAMP_TZ(TO_CHAR("OCCURRED_AT" , 'YYYY-MM-DD HH24:MI:SS.FF6') || ' +00:00', 'YYYY-MM-DD HH24:MI:SS.FF6 TZH:TZM') AT TIME ZONE 'Europe/Berlin' , 'YYYY-MM-DD'), 'YYYY-MM-DD')) - 1)
),
"r_returns" AS (
  SELECT "r_cohorts"."key_user_id", "r_cohorts"."cohort_time", "r_cohorts"."cohort", "r_cohorts"."cohort_period", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 0 THEN 1 ELSE 0 END) "returned_0", MAX(CASE WHEN "r_activity"."period" - "r_cohorts"."cohort_period" = 1 THEN 1 ELSE 0 END) "returned_1"
  FROM "r_cohorts"
    LEFT JOIN "r_activity" ON "r_cohorts"."key_user_id" = "r_activity"."key_user_id" AND "r_cohorts"."cohort_time" <= "r_activity"."last_return_time" AND "r_cohorts"."cohort_period" <= "r_activity"."period" AND "r_activity"."period" <= "r_cohorts"."cohort_period" + 1
  GROUP BY "r_cohorts"."key_user_id", "r_cohorts"."cohort_time", "r_cohorts"."cohort", "r_cohorts"."cohort_period"
)
SELECT "key_user_id" "user_id", "cohort", (COALESCE("returned_0", 0)) "returned_0", (COALESCE("returned_1", 0)) "returned_1"
FROM "r_returns"
