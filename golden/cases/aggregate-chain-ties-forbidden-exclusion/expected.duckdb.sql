WITH "f_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", CASE WHEN "event_name" = 'a' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'b' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "event_name" = 'c' THEN 1 ELSE 0 END AS "step_3", CASE WHEN "platform" = 'bot' THEN 1 ELSE 0 END AS "excluded_1"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL AND ("event_name" = 'a' OR "event_name" = 'b' OR "event_name" = 'c' OR "platform" = 'bot')
),
"f_a" AS MATERIALIZED (
  SELECT "user_id" AS "key_user_id", epoch_us((MIN("occurred_at"))) AS "step_1_micros", MIN("occurred_at") AS "step_1_time", ((MIN("occurred_at")) + to_microseconds(3600000000 )) AS "window_end"
  FROM "events"
  WHERE "event_name" = 'a'
  GROUP BY "user_id"
  HAVING "user_id" IS NOT NULL AND MIN("occurred_at") IS NOT NULL
),
"f_b" AS MATERIALIZED (
  SELECT "f_a"."key_user_id", epoch_us((MIN("events"."occurred_at"))) AS "step_2_micros", MIN("events"."occurred_at") AS "step_2_time", MIN("f_a"."window_end") AS "window_end"
  FROM "f_a"
    INNER JOIN "events" ON "f_a"."key_user_id" = "events"."user_id" AND "f_a"."step_1_time" < "events"."occurred_at" AND "f_a"."window_end" >= "events"."occurred_at"
  WHERE "events"."event_name" = 'b'
  GROUP BY "f_a"."key_user_id"
),
"f_c" AS MATERIALIZED (
  SELECT "f_b"."key_user_id", epoch_us((MIN("events"."occurred_at"))) AS "step_3_micros", MIN("events"."occurred_at") AS "step_3_time"
  FROM "f_b"
    INNER JOIN "events" ON "f_b"."key_user_id" = "events"."user_id" AND "f_b"."step_2_time" < "events"."occurred_at" AND "f_b"."window_end" >= "events"."occurred_at"
  WHERE "events"."event_name" = 'c'
  GROUP BY "f_b"."key_user_id"
),
"f_attempts" AS MATERIALIZED (
  SELECT "f_a"."key_user_id", "f_a"."step_1_micros", "f_b"."step_2_micros", "f_c"."step_3_micros", CASE WHEN "f_c"."step_3_micros" IS NOT NULL THEN 3 WHEN "f_b"."step_2_micros" IS NOT NULL THEN 2 WHEN "f_a"."step_1_micros" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_a"
    LEFT JOIN "f_b" ON "f_a"."key_user_id" = "f_b"."key_user_id"
    LEFT JOIN "f_c" ON "f_a"."key_user_id" = "f_c"."key_user_id"
),
"f_exclusion_bot" AS MATERIALIZED (
  SELECT "f_attempts"."key_user_id", "f_attempts"."step_1_micros", "f_attempts"."step_2_micros", "f_attempts"."step_3_micros", CASE WHEN COUNT("f_events"."event_micros") > 0 THEN 1 ELSE "f_attempts"."level" END AS "level"
  FROM "f_attempts"
    LEFT JOIN "f_events" ON "f_attempts"."key_user_id" = "f_events"."key_user_id" AND "f_attempts"."level" >= 2 AND "f_events"."excluded_1" = 1 AND "f_attempts"."step_1_micros" < "f_events"."event_micros" AND "f_attempts"."step_2_micros" > "f_events"."event_micros"
  GROUP BY "f_attempts"."key_user_id", "f_attempts"."step_1_micros", "f_attempts"."step_2_micros", "f_attempts"."step_3_micros", "f_attempts"."level"
),
"f_conversions" AS MATERIALIZED (
  SELECT CASE WHEN "level" = 2 THEN "step_2_micros" WHEN "level" = 3 THEN "step_3_micros" ELSE NULL END - "step_1_micros" AS "convert_micros"
  FROM "f_exclusion_bot"
  WHERE "level" >= 2
),
"f_conversion_summary" AS MATERIALIZED (
  SELECT COUNT(*) AS "converted", SUM("convert_micros") AS "total_micros", PERCENTILE_CONT(5E-1) WITHIN GROUP (ORDER BY "convert_micros") AS "median_micros", PERCENTILE_CONT(9E-1) WITHIN GROUP (ORDER BY "convert_micros") AS "p90_micros"
  FROM "f_conversions"
)
SELECT "converted" AS "count", CASE WHEN "converted" = 0 THEN NULL ELSE CAST(((2 * "total_micros" + "converted") // (2 * "converted")) AS DOUBLE) / 1.0000000E6 END AS "average_seconds", CAST(FLOOR(CAST("median_micros" AS DOUBLE) + 5E-1) AS DOUBLE) / 1.0000000E6 AS "median_seconds", CAST(FLOOR(CAST("p90_micros" AS DOUBLE) + 5E-1) AS DOUBLE) / 1.0000000E6 AS "p90_seconds"
FROM "f_conversion_summary"
