WITH "f_events" AS (
  SELECT "USER_ID" AS "key_user_id", "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST, "PLATFORM" NULLS FIRST) AS "event_order", CASE WHEN "EVENT_NAME" = 'a' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "EVENT_NAME" = 'b' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "EVENT_NAME" = 'c' THEN 1 ELSE 0 END AS "step_3", CASE WHEN "EVENT_NAME" = 'd' THEN 1 ELSE 0 END AS "step_4", CASE WHEN "EVENT_NAME" = 'refund' THEN 1 ELSE 0 END AS "excluded_1", CASE WHEN "PLATFORM" = 'bot' THEN 1 ELSE 0 END AS "excluded_2"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'a' OR ("EVENT_NAME" = 'b' OR "EVENT_NAME" = 'c') OR ("EVENT_NAME" = 'd' OR ("EVENT_NAME" = 'refund' OR "PLATFORM" = 'bot')))
),
"f_a" AS (
  SELECT "key_user_id", MIN("event_micros") AS "step_1_micros", MIN("event_order") AS "step_1_order"
  FROM "f_events"
  WHERE "step_1" = 1
  GROUP BY "key_user_id"
),
"f_b" AS (
  SELECT "f_a"."key_user_id", MIN("f_a"."step_1_micros") AS "step_1_micros", MIN("t0"."event_micros") AS "step_2_micros", MIN("t0"."event_order") AS "step_2_order"
  FROM "f_a"
    INNER JOIN (SELECT "key_user_id", "event_micros", "event_order"
      FROM "f_events"
      WHERE "step_2" = 1) AS "t0" ON "f_a"."key_user_id" = "t0"."key_user_id" AND ("f_a"."step_1_order" < "t0"."event_order" OR "f_a"."step_1_order" = "t0"."event_order") AND "t0"."event_micros" <= "f_a"."step_1_micros" + 3600000000
  GROUP BY "f_a"."key_user_id"
),
"f_c" AS (
  SELECT "f_b"."key_user_id", MIN("f_b"."step_1_micros") AS "step_1_micros", MIN("t0"."event_micros") AS "step_3_micros", MIN("t0"."event_order") AS "step_3_order"
  FROM "f_b"
    INNER JOIN (SELECT "key_user_id", "event_micros", "event_order"
      FROM "f_events"
      WHERE "step_3" = 1) AS "t0" ON "f_b"."key_user_id" = "t0"."key_user_id" AND ("f_b"."step_2_order" < "t0"."event_order" OR "f_b"."step_2_order" = "t0"."event_order") AND "t0"."event_micros" <= "f_b"."step_1_micros" + 3600000000
  GROUP BY "f_b"."key_user_id"
),
"f_d" AS (
  SELECT "f_c"."key_user_id", MIN("t0"."event_micros") AS "step_4_micros", MIN("t0"."event_order") AS "step_4_order"
  FROM "f_c"
    INNER JOIN (SELECT "key_user_id", "event_micros", "event_order"
      FROM "f_events"
      WHERE "step_4" = 1) AS "t0" ON "f_c"."key_user_id" = "t0"."key_user_id" AND ("f_c"."step_3_order" < "t0"."event_order" OR "f_c"."step_3_order" = "t0"."event_order") AND "t0"."event_micros" <= "f_c"."step_1_micros" + 3600000000
  GROUP BY "f_c"."key_user_id"
),
"f_attempts" AS (
  SELECT "f_a"."key_user_id", "f_a"."step_1_order", "f_a"."step_1_micros", "f_b"."step_2_order", "f_b"."step_2_micros", "f_c"."step_3_order", "f_c"."step_3_micros", "f_d"."step_4_order", "f_d"."step_4_micros", CASE WHEN "f_d"."step_4_micros" IS NOT NULL THEN 4 WHEN "f_c"."step_3_micros" IS NOT NULL THEN 3 WHEN "f_b"."step_2_micros" IS NOT NULL THEN 2 WHEN "f_a"."step_1_micros" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_a"
    LEFT JOIN "f_b" ON "f_a"."key_user_id" = "f_b"."key_user_id"
    LEFT JOIN "f_c" ON "f_a"."key_user_id" = "f_c"."key_user_id"
    LEFT JOIN "f_d" ON "f_a"."key_user_id" = "f_d"."key_user_id"
),
"f_exclusion_refund" AS (
  SELECT "f_attempts"."key_user_id", "f_attempts"."step_1_order", "f_attempts"."step_1_micros", "f_attempts"."step_2_order", "f_attempts"."step_2_micros", "f_attempts"."step_3_order", "f_attempts"."step_3_micros", "f_attempts"."step_4_order", "f_attempts"."step_4_micros", CASE WHEN COUNT("f_events"."event_micros") > 0 THEN 2 ELSE "f_attempts"."level" END AS "level"
  FROM "f_attempts"
    LEFT JOIN "f_events" ON "f_attempts"."key_user_id" = "f_events"."key_user_id" AND "f_attempts"."level" >= 3 AND "f_events"."excluded_1" = 1 AND "f_attempts"."step_2_micros" < "f_events"."event_micros" AND "f_attempts"."step_3_micros" > "f_events"."event_micros"
  GROUP BY "f_attempts"."key_user_id", "f_attempts"."step_1_order", "f_attempts"."step_1_micros", "f_attempts"."step_2_order", "f_attempts"."step_2_micros", "f_attempts"."step_3_order", "f_attempts"."step_3_micros", "f_attempts"."step_4_order", "f_attempts"."step_4_micros", "f_attempts"."level"
),
"f_exclusion_bot" AS (
  SELECT "f_exclusion_refund"."key_user_id", "f_exclusion_refund"."step_1_order", "f_exclusion_refund"."step_1_micros", "f_exclusion_refund"."step_2_order", "f_exclusion_refund"."step_2_micros", "f_exclusion_refund"."step_3_order", "f_exclusion_refund"."step_3_micros", "f_exclusion_refund"."step_4_order", "f_exclusion_refund"."step_4_micros", CASE WHEN COUNT("f_events"."event_micros") > 0 THEN 1 ELSE "f_exclusion_refund"."level" END AS "level"
  FROM "f_exclusion_refund"
    LEFT JOIN "f_events" ON "f_exclusion_refund"."key_user_id" = "f_events"."key_user_id" AND "f_exclusion_refund"."level" >= 2 AND "f_events"."excluded_2" = 1 AND "f_exclusion_refund"."step_1_micros" < "f_events"."event_micros" AND "f_exclusion_refund"."step_2_micros" > "f_events"."event_micros"
  GROUP BY "f_exclusion_refund"."key_user_id", "f_exclusion_refund"."step_1_order", "f_exclusion_refund"."step_1_micros", "f_exclusion_refund"."step_2_order", "f_exclusion_refund"."step_2_micros", "f_exclusion_refund"."step_3_order", "f_exclusion_refund"."step_3_micros", "f_exclusion_refund"."step_4_order", "f_exclusion_refund"."step_4_micros", "f_exclusion_refund"."level"
),
"f_reached" AS (
  SELECT SUM(CASE WHEN "level" >= 1 THEN 1 ELSE 0 END) AS "reached_1", SUM(CASE WHEN "level" >= 2 THEN 1 ELSE 0 END) AS "reached_2", SUM(CASE WHEN "level" >= 3 THEN 1 ELSE 0 END) AS "reached_3", SUM(CASE WHEN "level" >= 4 THEN 1 ELSE 0 END) AS "reached_4"
  FROM "f_exclusion_bot"
  WHERE "level" >= 1
),
"f_step_counts" AS (
  SELECT 1 AS "step", 'a' AS "name", COALESCE("reached_1", 0) AS "count", CAST(NULL AS INTEGER) AS "previous_count", CAST(NULL AS INTEGER) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 2 AS "step", 'b' AS "name", COALESCE("reached_2", 0) AS "count", COALESCE("reached_1", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 3 AS "step", 'c' AS "name", COALESCE("reached_3", 0) AS "count", COALESCE("reached_2", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 4 AS "step", 'd' AS "name", COALESCE("reached_4", 0) AS "count", COALESCE("reached_3", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
)
SELECT "step", "name", "count", CAST((CAST((20000 * "count" + "previous_count") AS BIGINT) / CAST((NULLIF(2 * "previous_count", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "conversion_from_previous", CAST((CAST((20000 * "count" + "first_count") AS BIGINT) / CAST((NULLIF(2 * "first_count", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "conversion_from_first"
FROM "f_step_counts"
