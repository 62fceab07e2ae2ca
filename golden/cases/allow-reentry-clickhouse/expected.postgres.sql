WITH RECURSIVE "f_events" ("key_user_id", "event_time", "event_micros", "event_order", "step_1", "step_2", "step_3") AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id" ORDER BY "occurred_at", "event_name" COLLATE "C" NULLS FIRST) AS "event_order", CASE WHEN "event_name" = 'a' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'b' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "event_name" = 'c' THEN 1 ELSE 0 END AS "step_3"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL
),
"f_entries" ("key_user_id", "event_order", "event_micros", "entry_step") AS (
  SELECT "key_user_id", "event_order", "event_micros", 0 AS "entry_step"
  FROM "f_events"
  WHERE "step_1" = 0 AND "step_2" = 0 AND "step_3" = 0
  UNION ALL
  SELECT "key_user_id", "event_order", "event_micros", 1 AS "entry_step"
  FROM "f_events"
  WHERE "step_1" = 1
  UNION ALL
  SELECT "key_user_id", "event_order", "event_micros", 2 AS "entry_step"
  FROM "f_events"
  WHERE "step_2" = 1
  UNION ALL
  SELECT "key_user_id", "event_order", "event_micros", 3 AS "entry_step"
  FROM "f_events"
  WHERE "step_3" = 1
),
"f_numbered_entries" ("key_user_id", "event_order", "event_micros", "entry_step", "entry_number", "entry_count") AS MATERIALIZED (
  SELECT "key_user_id", "event_order", "event_micros", "entry_step", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_micros", "entry_step", "event_order") AS "entry_number", COUNT(*) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros", "entry_step", "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "entry_count"
  FROM "f_entries"
),
"f_scan" ("key_user_id", "entry_number", "next_entry", "chain_1_step_1_order", "chain_1_step_1_micros", "chain_2_step_1_order", "chain_2_step_1_micros", "chain_2_step_2_order", "chain_2_step_2_micros", "chain_3_step_1_order", "chain_3_step_1_micros", "chain_3_step_3_order", "chain_3_step_3_micros") AS (
  SELECT "key_user_id", CAST(0 AS BIGINT) AS "entry_number", CAST(1 AS BIGINT) AS "next_entry", CAST(NULL AS BIGINT) AS "chain_1_step_1_order", CAST(NULL AS BIGINT) AS "chain_1_step_1_micros", CAST(NULL AS BIGINT) AS "chain_2_step_1_order", CAST(NULL AS BIGINT) AS "chain_2_step_1_micros", CAST(NULL AS BIGINT) AS "chain_2_step_2_order", CAST(NULL AS BIGINT) AS "chain_2_step_2_micros", CAST(NULL AS BIGINT) AS "chain_3_step_1_order", CAST(NULL AS BIGINT) AS "chain_3_step_1_micros", CAST(NULL AS BIGINT) AS "chain_3_step_3_order", CAST(NULL AS BIGINT) AS "chain_3_step_3_micros"
  FROM "f_numbered_entries"
  WHERE "entry_number" = 1
  UNION ALL
  SELECT "f_scan"."key_user_id", CAST("f_numbered_entries"."entry_number" AS BIGINT) AS "entry_number", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 0 AND "f_scan"."chain_1_step_1_order" IS NOT NULL OR "f_numbered_entries"."entry_step" = 3 AND "f_scan"."chain_2_step_2_order" IS NOT NULL AND "f_numbered_entries"."event_micros" <= "f_scan"."chain_2_step_1_micros" + 3600000000 OR "f_numbered_entries"."entry_number" = "f_numbered_entries"."entry_count" THEN CAST(NULL AS BIGINT) ELSE "f_numbered_entries"."entry_number" + 1 END AS BIGINT) AS "next_entry", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 1 THEN "f_numbered_entries"."event_order" ELSE "f_scan"."chain_1_step_1_order" END AS BIGINT) AS "chain_1_step_1_order", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 1 THEN "f_numbered_entries"."event_micros" ELSE "f_scan"."chain_1_step_1_micros" END AS BIGINT) AS "chain_1_step_1_micros", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 2 AND "f_scan"."chain_1_step_1_order" IS NOT NULL AND "f_numbered_entries"."event_micros" <= "f_scan"."chain_1_step_1_micros" + 3600000000 THEN "f_scan"."chain_1_step_1_order" ELSE "f_scan"."chain_2_step_1_order" END AS BIGINT) AS "chain_2_step_1_order", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 2 AND "f_scan"."chain_1_step_1_order" IS NOT NULL AND "f_numbered_entries"."event_micros" <= "f_scan"."chain_1_step_1_micros" + 3600000000 THEN "f_scan"."chain_1_step_1_micros" ELSE "f_scan"."chain_2_step_1_micros" END AS BIGINT) AS "chain_2_step_1_micros", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 2 AND "f_scan"."chain_1_step_1_order" IS NOT NULL AND "f_numbered_entries"."event_micros" <= "f_scan"."chain_1_step_1_micros" + 3600000000 THEN "f_numbered_entries"."event_order" ELSE "f_scan"."chain_2_step_2_order" END AS BIGINT) AS "chain_2_step_2_order", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 2 AND "f_scan"."chain_1_step_1_order" IS NOT NULL AND "f_numbered_entries"."event_micros" <= "f_scan"."chain_1_step_1_micros" + 3600000000 THEN "f_numbered_entries"."event_micros" ELSE "f_scan"."chain_2_step_2_micros" END AS BIGINT) AS "chain_2_step_2_micros", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 3 AND "f_scan"."chain_2_step_2_order" IS NOT NULL AND "f_numbered_entries"."event_micros" <= "f_scan"."chain_2_step_1_micros" + 3600000000 THEN "f_scan"."chain_2_step_1_order" ELSE "f_scan"."chain_3_step_1_order" END AS BIGINT) AS "chain_3_step_1_order", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 3 AND "f_scan"."chain_2_step_2_order" IS NOT NULL AND "f_numbered_entries"."event_micros" <= "f_scan"."chain_2_step_1_micros" + 3600000000 THEN "f_scan"."chain_2_step_1_micros" ELSE "f_scan"."chain_3_step_1_micros" END AS BIGINT) AS "chain_3_step_1_micros", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 3 AND "f_scan"."chain_2_step_2_order" IS NOT NULL AND "f_numbered_entries"."event_micros" <= "f_scan"."chain_2_step_1_micros" + 3600000000 THEN "f_numbered_entries"."event_order" ELSE "f_scan"."chain_3_step_3_order" END AS BIGINT) AS "chain_3_step_3_order", CAST(CASE WHEN "f_numbered_entries"."entry_step" = 3 AND "f_scan"."chain_2_step_2_order" IS NOT NULL AND "f_numbered_entries"."event_micros" <= "f_scan"."chain_2_step_1_micros" + 3600000000 THEN "f_numbered_entries"."event_micros" ELSE "f_scan"."chain_3_step_3_micros" END AS BIGINT) AS "chain_3_step_3_micros"
  FROM "f_scan"
    INNER JOIN "f_numbered_entries" ON "f_scan"."key_user_id" = "f_numbered_entries"."key_user_id" AND "f_scan"."next_entry" = "f_numbered_entries"."entry_number"
),
"f_chains" ("key_user_id", "entry_number", "next_entry", "chain_1_step_1_order", "chain_1_step_1_micros", "chain_2_step_1_order", "chain_2_step_1_micros", "chain_2_step_2_order", "chain_2_step_2_micros", "chain_3_step_1_order", "chain_3_step_1_micros", "chain_3_step_3_order", "chain_3_step_3_micros") AS (
  SELECT *
  FROM "f_scan"
  WHERE "next_entry" IS NULL
),
"f_levels" ("key_user_id", "entry_number", "next_entry", "chain_1_step_1_order", "chain_1_step_1_micros", "chain_2_step_1_order", "chain_2_step_1_micros", "chain_2_step_2_order", "chain_2_step_2_micros", "chain_3_step_1_order", "chain_3_step_1_micros", "chain_3_step_3_order", "chain_3_step_3_micros", "level") AS (
  SELECT "key_user_id", "entry_number", "next_entry", "chain_1_step_1_order", "chain_1_step_1_micros", "chain_2_step_1_order", "chain_2_step_1_micros", "chain_2_step_2_order", "chain_2_step_2_micros", "chain_3_step_1_order", "chain_3_step_1_micros", "chain_3_step_3_order", "chain_3_step_3_micros", CASE WHEN "chain_3_step_3_order" IS NOT NULL THEN 3 WHEN "chain_2_step_2_order" IS NOT NULL THEN 2 WHEN "chain_1_step_1_order" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_chains"
),
"f_attempts" ("key_user_id", "level", "step_1_order", "step_1_micros", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros") AS (
  SELECT "key_user_id", "level", CASE WHEN "level" = 1 THEN "chain_1_step_1_order" WHEN "level" = 2 THEN "chain_2_step_1_order" WHEN "level" = 3 THEN "chain_3_step_1_order" ELSE NULL END AS "step_1_order", CASE WHEN "level" = 1 THEN "chain_1_step_1_micros" WHEN "level" = 2 THEN "chain_2_step_1_micros" WHEN "level" = 3 THEN "chain_3_step_1_micros" ELSE NULL END AS "step_1_micros", CASE WHEN "level" = 2 THEN "chain_2_step_2_order" ELSE NULL END AS "step_2_order", CASE WHEN "level" = 2 THEN "chain_2_step_2_micros" ELSE NULL END AS "step_2_micros", CASE WHEN "level" = 3 THEN "chain_3_step_3_order" ELSE NULL END AS "step_3_order", CASE WHEN "level" = 3 THEN "chain_3_step_3_micros" ELSE NULL END AS "step_3_micros"
  FROM "f_levels"
)
SELECT "key_user_id" AS "user_id", "level" AS "furthest_step", CASE WHEN "level" = 1 THEN 'a' WHEN "level" = 2 THEN 'b' WHEN "level" = 3 THEN 'c' ELSE NULL END AS "furthest_step_name"
FROM "f_attempts"
