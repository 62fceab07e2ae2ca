WITH "f_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", CASE WHEN "EVENT_NAME" = 'a' THEN 1 ELSE 0 END "step_1", CASE WHEN "EVENT_NAME" = 'b' THEN 1 ELSE 0 END "step_2", CASE WHEN "EVENT_NAME" = 'c' THEN 1 ELSE 0 END "step_3", CASE WHEN "PLATFORM" = 'bot' THEN 1 ELSE 0 END "excluded_1"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'a' OR "EVENT_NAME" = 'b' OR "EVENT_NAME" = 'c' OR "PLATFORM" = 'bot')
),
"f_a" AS (
  SELECT "USER_ID" "key_user_id", MIN(((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19)))) "step_1_micros"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" = 'a'
  GROUP BY "USER_ID"
),
"f_b" AS (
  SELECT "f_a"."key_user_id", MIN("f_a"."step_1_micros") "step_1_micros", MIN("t0"."event_micros") "step_2_micros"
  FROM "f_a"
    INNER JOIN (SELECT "USER_ID" "key_user_id", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", "OCCURRED_AT" "event_time"
      FROM "EVENTS"
      WHERE "EVENT_NAME" = 'b') "t0" ON "f_a"."key_user_id" = "t0"."key_user_id" AND "f_a"."step_1_micros" < "t0"."event_micros" AND "t0"."event_micros" <= "f_a"."step_1_micros" + 3600000000
  GROUP BY "f_a"."key_user_id"
),
"f_c" AS (
  SELECT "f_b"."key_user_id", MIN("t0"."event_micros") "step_3_micros"
  FROM "f_b"
    INNER JOIN (SELECT "USER_ID" "key_user_id", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", "OCCURRED_AT" "event_time"
      FROM "EVENTS"
      WHERE "EVENT_NAME" = 'c') "t0" ON "f_b"."key_user_id" = "t0"."key_user_id" AND "f_b"."step_2_micros" < "t0"."event_micros" AND "t0"."event_micros" <= "f_b"."step_1_micros" + 3600000000
  GROUP BY "f_b"."key_user_id"
),
"f_attempts" AS (
  SELECT "f_a"."key_user_id", "f_a"."step_1_micros", "f_b"."step_2_micros", "f_c"."step_3_micros", CASE WHEN "f_c"."step_3_micros" IS NOT NULL THEN 3 WHEN "f_b"."step_2_micros" IS NOT NULL THEN 2 WHEN "f_a"."step_1_micros" IS NOT NULL THEN 1 ELSE 0 END "level"
  FROM "f_a"
    LEFT JOIN "f_b" ON "f_a"."key_user_id" = "f_b"."key_user_id"
    LEFT JOIN "f_c" ON "f_a"."key_user_id" = "f_c"."key_user_id"
),
"f_exclusion_bot" AS (
  SELECT "f_attempts"."key_user_id", "f_attempts"."step_1_micros", "f_attempts"."step_2_micros", "f_attempts"."step_3_micros", CASE WHEN COUNT("f_events"."event_micros") > 0 THEN 1 ELSE "f_attempts"."level" END "level"
  FROM "f_attempts"
    LEFT JOIN "f_events" ON "f_attempts"."key_user_id" = "f_events"."key_user_id" AND "f_attempts"."level" >= 2 AND "f_events"."excluded_1" = 1 AND "f_attempts"."step_1_micros" < "f_events"."event_micros" AND "f_attempts"."step_2_micros" > "f_events"."event_micros"
  GROUP BY "f_attempts"."key_user_id", "f_attempts"."step_1_micros", "f_attempts"."step_2_micros", "f_attempts"."step_3_micros", "f_attempts"."level"
),
"f_conversions" AS (
  SELECT CASE WHEN "level" = 2 THEN "step_2_micros" WHEN "level" = 3 THEN "step_3_micros" ELSE NULL END - "step_1_micros" "convert_micros"
  FROM "f_exclusion_bot"
  WHERE "level" >= 2
),
"f_conversion_summary" AS (
  SELECT COUNT(*) "converted", SUM("convert_micros") "total_micros", PERCENTILE_CONT(5E-1) WITHIN GROUP (ORDER BY "convert_micros") "median_micros", PERCENTILE_CONT(9E-1) WITHIN GROUP (ORDER BY "convert_micros") "p90_micros"
  FROM "f_conversions"
)
SELECT "converted" "count", CASE WHEN "converted" = 0 THEN NULL ELSE CAST(TRUNC((2 * "total_micros" + "converted") / (2 * "converted")) AS DOUBLE PRECISION) / 1.0000000E6 END "average_seconds", CAST(FLOOR(CAST("median_micros" AS DOUBLE PRECISION) + 5E-1) AS DOUBLE PRECISION) / 1.0000000E6 "median_seconds", CAST(FLOOR(CAST("p90_micros" AS DOUBLE PRECISION) + 5E-1) AS DOUBLE PRECISION) / 1.0000000E6 "p90_seconds"
FROM "f_conversion_summary"
