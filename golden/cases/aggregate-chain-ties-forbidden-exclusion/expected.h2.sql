WITH "f_events" AS (
  SELECT "USER_ID" AS "key_user_id", "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros", CASE WHEN "EVENT_NAME" = 'a' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "EVENT_NAME" = 'b' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "EVENT_NAME" = 'c' THEN 1 ELSE 0 END AS "step_3", CASE WHEN "PLATFORM" = 'bot' THEN 1 ELSE 0 END AS "excluded_1"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'a' OR "EVENT_NAME" = 'b' OR "EVENT_NAME" = 'c' OR "PLATFORM" = 'bot')
),
"f_a" AS (
  SELECT "USER_ID" AS "key_user_id", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', (MIN("OCCURRED_AT"))) AS "step_1_micros", MIN("OCCURRED_AT") AS "step_1_time", DATEADD(MICROSECOND, 3600000000 , (MIN("OCCURRED_AT"))) AS "window_end"
  FROM "EVENTS"
  WHERE "EVENT_NAME" = 'a'
  GROUP BY "USER_ID"
  HAVING "USER_ID" IS NOT NULL AND MIN("OCCURRED_AT") IS NOT NULL
),
"f_b" AS (
  SELECT "f_a"."key_user_id", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', (MIN("EVENTS"."OCCURRED_AT"))) AS "step_2_micros", MIN("EVENTS"."OCCURRED_AT") AS "step_2_time", MIN("f_a"."window_end") AS "window_end"
  FROM "f_a"
    INNER JOIN "EVENTS" ON "f_a"."key_user_id" = "EVENTS"."USER_ID" AND "f_a"."step_1_time" < "EVENTS"."OCCURRED_AT" AND "f_a"."window_end" >= "EVENTS"."OCCURRED_AT"
  WHERE "EVENTS"."EVENT_NAME" = 'b'
  GROUP BY "f_a"."key_user_id"
),
"f_c" AS (
  SELECT "f_b"."key_user_id", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', (MIN("EVENTS"."OCCURRED_AT"))) AS "step_3_micros", MIN("EVENTS"."OCCURRED_AT") AS "step_3_time"
  FROM "f_b"
    INNER JOIN "EVENTS" ON "f_b"."key_user_id" = "EVENTS"."USER_ID" AND "f_b"."step_2_time" < "EVENTS"."OCCURRED_AT" AND "f_b"."window_end" >= "EVENTS"."OCCURRED_AT"
  WHERE "EVENTS"."EVENT_NAME" = 'c'
  GROUP BY "f_b"."key_user_id"
),
"f_attempts" AS (
  SELECT "f_a"."key_user_id", "f_a"."step_1_micros", "f_b"."step_2_micros", "f_c"."step_3_micros", CASE WHEN "f_c"."step_3_micros" IS NOT NULL THEN 3 WHEN "f_b"."step_2_micros" IS NOT NULL THEN 2 WHEN "f_a"."step_1_micros" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_a"
    LEFT JOIN "f_b" ON "f_a"."key_user_id" = "f_b"."key_user_id"
    LEFT JOIN "f_c" ON "f_a"."key_user_id" = "f_c"."key_user_id"
),
"f_exclusion_bot" AS (
  SELECT "f_attempts"."key_user_id", "f_attempts"."step_1_micros", "f_attempts"."step_2_micros", "f_attempts"."step_3_micros", CASE WHEN COUNT("f_events"."event_micros") > 0 THEN 1 ELSE "f_attempts"."level" END AS "level"
  FROM "f_attempts"
    LEFT JOIN "f_events" ON "f_attempts"."key_user_id" = "f_events"."key_user_id" AND "f_attempts"."level" >= 2 AND "f_events"."excluded_1" = 1 AND "f_attempts"."step_1_micros" < "f_events"."event_micros" AND "f_attempts"."step_2_micros" > "f_events"."event_micros"
  GROUP BY "f_attempts"."key_user_id", "f_attempts"."step_1_micros", "f_attempts"."step_2_micros", "f_attempts"."step_3_micros", "f_attempts"."level"
),
"f_conversions" AS (
  SELECT CASE WHEN "level" = 2 THEN "step_2_micros" WHEN "level" = 3 THEN "step_3_micros" ELSE NULL END - "step_1_micros" AS "convert_micros"
  FROM "f_exclusion_bot"
  WHERE "level" >= 2
),
"f_conversion_summary" AS (
  SELECT COUNT(*) AS "converted", SUM("convert_micros") AS "total_micros", PERCENTILE_CONT(5E-1) WITHIN GROUP (ORDER BY "convert_micros") AS "median_micros", PERCENTILE_CONT(9E-1) WITHIN GROUP (ORDER BY "convert_micros") AS "p90_micros"
  FROM "f_conversions"
)
SELECT "converted" AS "count", CASE WHEN "converted" = 0 THEN NULL ELSE CAST((CAST((2 * "total_micros" + "converted") AS BIGINT) / CAST((2 * "converted") AS BIGINT)) AS DOUBLE) / 1.0000000E6 END AS "average_seconds", CAST(FLOOR(CAST("median_micros" AS DOUBLE) + 5E-1) AS DOUBLE) / 1.0000000E6 AS "median_seconds", CAST(FLOOR(CAST("p90_micros" AS DOUBLE) + 5E-1) AS DOUBLE) / 1.0000000E6 AS "p90_seconds"
FROM "f_conversion_summary"
