WITH "f_events" AS MATERIALIZED (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id" ORDER BY "occurred_at", "event_name" NULLS FIRST, "platform" NULLS FIRST) AS "event_order", CASE WHEN "event_name" = 'a' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'b' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "event_name" = 'c' THEN 1 ELSE 0 END AS "step_3", CASE WHEN "event_name" = 'd' THEN 1 ELSE 0 END AS "step_4", CASE WHEN "event_name" = 'refund' THEN 1 ELSE 0 END AS "excluded_1", CASE WHEN "platform" = 'bot' THEN 1 ELSE 0 END AS "excluded_2"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND ("user_id" IS NOT NULL AND ("event_name" = 'a' OR NOT "event_name" = 'a')) AND (("event_name" = 'b' OR NOT "event_name" = 'b') AND (("event_name" = 'c' OR NOT "event_name" = 'c') AND ("event_name" = 'd' OR NOT "event_name" = 'd')))
),
"f_first_entry" AS MATERIALIZED (
  SELECT "key_user_id", MIN("event_order") AS "step_1_order", MIN("event_micros") AS "step_1_micros", MIN("event_time") AS "entry_time"
  FROM "f_events"
  WHERE "step_1" = 1
  GROUP BY "key_user_id"
),
"f_step_2_b" AS MATERIALIZED (
  SELECT "f_first_entry"."key_user_id", "f_first_entry"."step_1_order", "f_first_entry"."step_1_micros", "f_first_entry"."entry_time", MIN(CASE WHEN "f_events"."step_2" = 1 AND ("f_events"."event_order" > "f_first_entry"."step_1_order" OR "f_events"."event_order" = "f_first_entry"."step_1_order") THEN "f_events"."event_order" ELSE NULL END) AS "step_2_order", MIN(CASE WHEN "f_events"."step_2" = 1 AND ("f_events"."event_order" > "f_first_entry"."step_1_order" OR "f_events"."event_order" = "f_first_entry"."step_1_order") THEN "f_events"."event_micros" ELSE NULL END) AS "step_2_micros"
  FROM "f_first_entry"
    LEFT JOIN "f_events" ON "f_first_entry"."key_user_id" = "f_events"."key_user_id" AND "f_first_entry"."step_1_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_first_entry"."step_1_micros" + 3600000000
  GROUP BY "f_first_entry"."key_user_id", "f_first_entry"."step_1_order", "f_first_entry"."step_1_micros", "f_first_entry"."entry_time"
),
"f_step_3_c" AS MATERIALIZED (
  SELECT "f_step_2_b"."key_user_id", "f_step_2_b"."step_1_order", "f_step_2_b"."step_1_micros", "f_step_2_b"."entry_time", "f_step_2_b"."step_2_order", "f_step_2_b"."step_2_micros", MIN(CASE WHEN "f_events"."step_3" = 1 AND ("f_events"."event_order" > "f_step_2_b"."step_2_order" OR "f_events"."event_order" = "f_step_2_b"."step_2_order") THEN "f_events"."event_order" ELSE NULL END) AS "step_3_order", MIN(CASE WHEN "f_events"."step_3" = 1 AND ("f_events"."event_order" > "f_step_2_b"."step_2_order" OR "f_events"."event_order" = "f_step_2_b"."step_2_order") THEN "f_events"."event_micros" ELSE NULL END) AS "step_3_micros"
  FROM "f_step_2_b"
    LEFT JOIN "f_events" ON "f_step_2_b"."key_user_id" = "f_events"."key_user_id" AND "f_step_2_b"."step_2_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_step_2_b"."step_1_micros" + 3600000000
  GROUP BY "f_step_2_b"."key_user_id", "f_step_2_b"."step_1_order", "f_step_2_b"."step_1_micros", "f_step_2_b"."entry_time", "f_step_2_b"."step_2_order", "f_step_2_b"."step_2_micros"
),
"f_step_4_d" AS MATERIALIZED (
  SELECT "f_step_3_c"."key_user_id", "f_step_3_c"."step_1_order", "f_step_3_c"."step_1_micros", "f_step_3_c"."entry_time", "f_step_3_c"."step_2_order", "f_step_3_c"."step_2_micros", "f_step_3_c"."step_3_order", "f_step_3_c"."step_3_micros", MIN(CASE WHEN "f_events"."step_4" = 1 AND ("f_events"."event_order" > "f_step_3_c"."step_3_order" OR "f_events"."event_order" = "f_step_3_c"."step_3_order") THEN "f_events"."event_order" ELSE NULL END) AS "step_4_order", MIN(CASE WHEN "f_events"."step_4" = 1 AND ("f_events"."event_order" > "f_step_3_c"."step_3_order" OR "f_events"."event_order" = "f_step_3_c"."step_3_order") THEN "f_events"."event_micros" ELSE NULL END) AS "step_4_micros"
  FROM "f_step_3_c"
    LEFT JOIN "f_events" ON "f_step_3_c"."key_user_id" = "f_events"."key_user_id" AND "f_step_3_c"."step_3_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_step_3_c"."step_1_micros" + 3600000000
  GROUP BY "f_step_3_c"."key_user_id", "f_step_3_c"."step_1_order", "f_step_3_c"."step_1_micros", "f_step_3_c"."entry_time", "f_step_3_c"."step_2_order", "f_step_3_c"."step_2_micros", "f_step_3_c"."step_3_order", "f_step_3_c"."step_3_micros"
),
"f_levels" AS MATERIALIZED (
  SELECT "key_user_id", "step_1_order", "step_1_micros", "entry_time", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros", "step_4_order", "step_4_micros", CASE WHEN "step_4_order" IS NOT NULL THEN 4 WHEN "step_3_order" IS NOT NULL THEN 3 WHEN "step_2_order" IS NOT NULL THEN 2 WHEN "step_1_order" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_step_4_d"
),
"f_keys" AS MATERIALIZED (
  SELECT "key_user_id"
  FROM "f_events"
  GROUP BY "key_user_id"
),
"f_attempts" AS MATERIALIZED (
  SELECT "f_keys"."key_user_id", "f_levels"."step_1_order", "f_levels"."step_1_micros", "f_levels"."entry_time", "f_levels"."step_2_order", "f_levels"."step_2_micros", "f_levels"."step_3_order", "f_levels"."step_3_micros", "f_levels"."step_4_order", "f_levels"."step_4_micros", COALESCE("f_levels"."level", 0) AS "level"
  FROM "f_keys"
    LEFT JOIN "f_levels" ON "f_keys"."key_user_id" = "f_levels"."key_user_id"
),
"f_exclusion_refund" AS MATERIALIZED (
  SELECT "f_attempts"."key_user_id", "f_attempts"."step_1_order", "f_attempts"."step_1_micros", "f_attempts"."entry_time", "f_attempts"."step_2_order", "f_attempts"."step_2_micros", "f_attempts"."step_3_order", "f_attempts"."step_3_micros", "f_attempts"."step_4_order", "f_attempts"."step_4_micros", CASE WHEN COUNT("f_events"."event_order") > 0 THEN 2 ELSE "f_attempts"."level" END AS "level"
  FROM "f_attempts"
    LEFT JOIN "f_events" ON "f_attempts"."key_user_id" = "f_events"."key_user_id" AND "f_attempts"."level" >= 3 AND "f_events"."excluded_1" = 1 AND "f_attempts"."step_2_micros" < "f_events"."event_micros" AND "f_attempts"."step_3_micros" > "f_events"."event_micros"
  GROUP BY "f_attempts"."key_user_id", "f_attempts"."step_1_order", "f_attempts"."step_1_micros", "f_attempts"."entry_time", "f_attempts"."step_2_order", "f_attempts"."step_2_micros", "f_attempts"."step_3_order", "f_attempts"."step_3_micros", "f_attempts"."step_4_order", "f_attempts"."step_4_micros", "f_attempts"."level"
),
"f_exclusion_bot" AS MATERIALIZED (
  SELECT "f_exclusion_refund"."key_user_id", "f_exclusion_refund"."step_1_order", "f_exclusion_refund"."step_1_micros", "f_exclusion_refund"."entry_time", "f_exclusion_refund"."step_2_order", "f_exclusion_refund"."step_2_micros", "f_exclusion_refund"."step_3_order", "f_exclusion_refund"."step_3_micros", "f_exclusion_refund"."step_4_order", "f_exclusion_refund"."step_4_micros", CASE WHEN COUNT("f_events"."event_order") > 0 THEN 1 ELSE "f_exclusion_refund"."level" END AS "level"
  FROM "f_exclusion_refund"
    LEFT JOIN "f_events" ON "f_exclusion_refund"."key_user_id" = "f_events"."key_user_id" AND "f_exclusion_refund"."level" >= 2 AND "f_events"."excluded_2" = 1 AND "f_exclusion_refund"."step_1_micros" < "f_events"."event_micros" AND "f_exclusion_refund"."step_2_micros" > "f_events"."event_micros"
  GROUP BY "f_exclusion_refund"."key_user_id", "f_exclusion_refund"."step_1_order", "f_exclusion_refund"."step_1_micros", "f_exclusion_refund"."entry_time", "f_exclusion_refund"."step_2_order", "f_exclusion_refund"."step_2_micros", "f_exclusion_refund"."step_3_order", "f_exclusion_refund"."step_3_micros", "f_exclusion_refund"."step_4_order", "f_exclusion_refund"."step_4_micros", "f_exclusion_refund"."level"
),
"f_reached" AS MATERIALIZED (
  SELECT SUM(CASE WHEN "level" >= 1 THEN 1 ELSE 0 END) AS "reached_1", SUM(CASE WHEN "level" >= 2 THEN 1 ELSE 0 END) AS "reached_2", SUM(CASE WHEN "level" >= 3 THEN 1 ELSE 0 END) AS "reached_3", SUM(CASE WHEN "level" >= 4 THEN 1 ELSE 0 END) AS "reached_4"
  FROM "f_exclusion_bot"
  WHERE "level" >= 1
)
SELECT 1 AS "step", 'a' AS "name", COALESCE("reached_1", 0) AS "count", CAST(NULL AS DOUBLE) AS "conversion_from_previous", CAST(NULL AS DOUBLE) AS "conversion_from_first"
FROM "f_reached"
UNION ALL
SELECT 2 AS "step", 'b' AS "name", COALESCE("reached_2", 0) AS "count", CASE WHEN COALESCE("reached_1", 0) = 0 THEN NULL ELSE CAST(((20000 * COALESCE("reached_2", 0) + COALESCE("reached_1", 0)) // (2 * COALESCE("reached_1", 0))) AS DOUBLE) / 1.000E2 END AS "conversion_from_previous", CASE WHEN COALESCE("reached_1", 0) = 0 THEN NULL ELSE CAST(((20000 * COALESCE("reached_2", 0) + COALESCE("reached_1", 0)) // (2 * COALESCE("reached_1", 0))) AS DOUBLE) / 1.000E2 END AS "conversion_from_first"
FROM "f_reached"
UNION ALL
SELECT 3 AS "step", 'c' AS "name", COALESCE("reached_3", 0) AS "count", CASE WHEN COALESCE("reached_2", 0) = 0 THEN NULL ELSE CAST(((20000 * COALESCE("reached_3", 0) + COALESCE("reached_2", 0)) // (2 * COALESCE("reached_2", 0))) AS DOUBLE) / 1.000E2 END AS "conversion_from_previous", CASE WHEN COALESCE("reached_1", 0) = 0 THEN NULL ELSE CAST(((20000 * COALESCE("reached_3", 0) + COALESCE("reached_1", 0)) // (2 * COALESCE("reached_1", 0))) AS DOUBLE) / 1.000E2 END AS "conversion_from_first"
FROM "f_reached"
UNION ALL
SELECT 4 AS "step", 'd' AS "name", COALESCE("reached_4", 0) AS "count", CASE WHEN COALESCE("reached_3", 0) = 0 THEN NULL ELSE CAST(((20000 * COALESCE("reached_4", 0) + COALESCE("reached_3", 0)) // (2 * COALESCE("reached_3", 0))) AS DOUBLE) / 1.000E2 END AS "conversion_from_previous", CASE WHEN COALESCE("reached_1", 0) = 0 THEN NULL ELSE CAST(((20000 * COALESCE("reached_4", 0) + COALESCE("reached_1", 0)) // (2 * COALESCE("reached_1", 0))) AS DOUBLE) / 1.000E2 END AS "conversion_from_first"
FROM "f_reached"
