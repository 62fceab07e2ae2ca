WITH RECURSIVE "f_events" ("key_user_id", "event_time", "event_micros", "event_order", "step_1", "step_2", "step_3") AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id" ORDER BY "occurred_at", "event_name" COLLATE "C" NULLS FIRST) AS "event_order", CASE WHEN "event_name" = 'a' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'b' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "event_name" = 'c' THEN 1 ELSE 0 END AS "step_3"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL
),
"f_step_rows" ("key_user_id", "event_order", "event_micros", "step_1", "step_2", "step_3", "run_end_3", "row_number", "row_count") AS MATERIALIZED (
  SELECT "key_user_id", "event_order", "event_micros", "step_1", "step_2", "step_3", CASE WHEN "step_3" = 0 THEN 2 ELSE 3 END AS "run_end_3", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_order") AS "row_number", COUNT(*) OVER (PARTITION BY "key_user_id" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "row_count"
  FROM "f_events"
  WHERE "step_1" = 1 OR "step_2" = 1 OR "step_3" = 1
),
"f_attempt_scan" ("key_user_id", "attempt_entry_order", "row_number", "next_row", "level", "step_1_order", "step_1_micros", "last_order", "last_micros") AS (
  SELECT "key_user_id", CAST("event_order" AS BIGINT) AS "attempt_entry_order", CAST("row_number" AS BIGINT) AS "row_number", CAST(CASE WHEN "row_number" = "row_count" THEN CAST(NULL AS BIGINT) ELSE "row_number" + 1 END AS BIGINT) AS "next_row", CAST(1 AS BIGINT) AS "level", CAST("event_order" AS BIGINT) AS "step_1_order", CAST("event_micros" AS BIGINT) AS "step_1_micros", CAST("event_order" AS BIGINT) AS "last_order", CAST("event_micros" AS BIGINT) AS "last_micros"
  FROM "f_step_rows"
  WHERE "step_1" = 1
  UNION ALL
  SELECT "f_attempt_scan"."key_user_id", CAST("f_attempt_scan"."attempt_entry_order" AS BIGINT) AS "attempt_entry_order", CAST("f_step_rows"."row_number" AS BIGINT) AS "row_number", CAST(CASE WHEN "f_step_rows"."event_micros" > "f_attempt_scan"."step_1_micros" + 3600000000 OR "f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND NOT ("f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND "f_attempt_scan"."level" > 1 AND "f_step_rows"."step_1" = 1) AND CASE WHEN "f_attempt_scan"."level" = 1 THEN "f_step_rows"."step_2" WHEN "f_attempt_scan"."level" = 2 THEN "f_step_rows"."step_3" ELSE "f_step_rows"."step_3" END = 1 AND CASE WHEN "f_attempt_scan"."level" = 1 THEN "f_step_rows"."run_end_3" WHEN "f_attempt_scan"."level" = 2 THEN 3 ELSE 3 END = 3 OR "f_step_rows"."row_number" = "f_step_rows"."row_count" THEN CAST(NULL AS BIGINT) ELSE "f_step_rows"."row_number" + 1 END AS BIGINT) AS "next_row", CAST(CASE WHEN "f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND "f_attempt_scan"."level" > 1 AND "f_step_rows"."step_1" = 1 THEN 1 WHEN "f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND NOT ("f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND "f_attempt_scan"."level" > 1 AND "f_step_rows"."step_1" = 1) AND CASE WHEN "f_attempt_scan"."level" = 1 THEN "f_step_rows"."step_2" WHEN "f_attempt_scan"."level" = 2 THEN "f_step_rows"."step_3" ELSE "f_step_rows"."step_3" END = 1 THEN CASE WHEN "f_attempt_scan"."level" = 1 THEN "f_step_rows"."run_end_3" WHEN "f_attempt_scan"."level" = 2 THEN 3 ELSE 3 END ELSE "f_attempt_scan"."level" END AS BIGINT) AS "level", CAST(CASE WHEN "f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND "f_attempt_scan"."level" > 1 AND "f_step_rows"."step_1" = 1 THEN "f_step_rows"."event_order" ELSE "f_attempt_scan"."step_1_order" END AS BIGINT) AS "step_1_order", CAST(CASE WHEN "f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND "f_attempt_scan"."level" > 1 AND "f_step_rows"."step_1" = 1 THEN "f_step_rows"."event_micros" ELSE "f_attempt_scan"."step_1_micros" END AS BIGINT) AS "step_1_micros", CAST(CASE WHEN "f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND "f_attempt_scan"."level" > 1 AND "f_step_rows"."step_1" = 1 OR "f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND NOT ("f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND "f_attempt_scan"."level" > 1 AND "f_step_rows"."step_1" = 1) AND CASE WHEN "f_attempt_scan"."level" = 1 THEN "f_step_rows"."step_2" WHEN "f_attempt_scan"."level" = 2 THEN "f_step_rows"."step_3" ELSE "f_step_rows"."step_3" END = 1 THEN "f_step_rows"."event_order" ELSE "f_attempt_scan"."last_order" END AS BIGINT) AS "last_order", CAST(CASE WHEN "f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND "f_attempt_scan"."level" > 1 AND "f_step_rows"."step_1" = 1 OR "f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND NOT ("f_step_rows"."event_micros" <= "f_attempt_scan"."step_1_micros" + 3600000000 AND "f_attempt_scan"."level" > 1 AND "f_step_rows"."step_1" = 1) AND CASE WHEN "f_attempt_scan"."level" = 1 THEN "f_step_rows"."step_2" WHEN "f_attempt_scan"."level" = 2 THEN "f_step_rows"."step_3" ELSE "f_step_rows"."step_3" END = 1 THEN "f_step_rows"."event_micros" ELSE "f_attempt_scan"."last_micros" END AS BIGINT) AS "last_micros"
  FROM "f_attempt_scan"
    INNER JOIN "f_step_rows" ON "f_attempt_scan"."key_user_id" = "f_step_rows"."key_user_id" AND "f_attempt_scan"."next_row" = "f_step_rows"."row_number"
),
"f_attempt_ends" ("key_user_id", "attempt_entry_order", "row_number", "next_row", "level", "step_1_order", "step_1_micros", "last_order", "last_micros") AS (
  SELECT *
  FROM "f_attempt_scan"
  WHERE "next_row" IS NULL
),
"f_walked_attempts" ("key_user_id", "attempt_entry_order", "level", "step_1_order", "step_1_micros", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros") AS (
  SELECT "key_user_id", "attempt_entry_order", "level", "step_1_order", "step_1_micros", CASE WHEN "level" = 2 THEN "last_order" ELSE NULL END AS "step_2_order", CASE WHEN "level" = 2 THEN "last_micros" ELSE NULL END AS "step_2_micros", CASE WHEN "level" = 3 THEN "last_order" ELSE NULL END AS "step_3_order", CASE WHEN "level" = 3 THEN "last_micros" ELSE NULL END AS "step_3_micros"
  FROM "f_attempt_ends"
),
"f_ranked_attempts" ("key_user_id", "attempt_entry_order", "level", "step_1_order", "step_1_micros", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros", "attempt_rank") AS (
  SELECT "key_user_id", "attempt_entry_order", "level", "step_1_order", "step_1_micros", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "level" DESC, "attempt_entry_order") AS "attempt_rank"
  FROM "f_walked_attempts"
),
"f_best_attempt" ("key_user_id", "attempt_entry_order", "level", "step_1_order", "step_1_micros", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros") AS (
  SELECT "key_user_id", "attempt_entry_order", "level", "step_1_order", "step_1_micros", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros"
  FROM "f_ranked_attempts"
  WHERE "attempt_rank" = 1
),
"f_keys" ("key_user_id", "has_attempt") AS (
  SELECT "key_user_id", MAX(CASE WHEN "step_1" = 1 THEN 1 ELSE 0 END) AS "has_attempt"
  FROM "f_events"
  GROUP BY "key_user_id"
),
"f_attempts" ("key_user_id", "attempt_entry_order", "level", "step_1_order", "step_1_micros", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros") AS (
  SELECT *
  FROM "f_best_attempt"
  UNION ALL
  SELECT "key_user_id", NULL AS "attempt_entry_order", 0 AS "level", NULL AS "step_1_order", NULL AS "step_1_micros", NULL AS "step_2_order", NULL AS "step_2_micros", NULL AS "step_3_order", NULL AS "step_3_micros"
  FROM "f_keys"
  WHERE "has_attempt" = 0
)
SELECT "key_user_id" AS "user_id", "level" AS "furthest_step", CASE WHEN "level" = 1 THEN 'a' WHEN "level" = 2 THEN 'b' WHEN "level" = 3 THEN 'c' ELSE NULL END AS "furthest_step_name"
FROM "f_attempts"
