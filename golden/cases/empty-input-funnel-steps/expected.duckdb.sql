WITH "f_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", CASE WHEN "event_name" = 'a' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'b' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "event_name" = 'c' THEN 1 ELSE 0 END AS "step_3"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL AND ("event_name" = 'a' OR "event_name" = 'b' OR "event_name" = 'c')
),
"f_times" AS (
  SELECT "key_user_id", "event_micros", MAX("step_1") AS "has_step_1", MAX("step_2") AS "has_step_2", MAX("step_3") AS "has_step_3"
  FROM "f_events"
  GROUP BY "key_user_id", "event_micros"
),
"f_next_times" AS MATERIALIZED (
  SELECT "key_user_id", "event_micros", "has_step_1", MIN(CASE WHEN "has_step_2" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_2_micros", MIN(CASE WHEN "has_step_3" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_3_micros"
  FROM "f_times"
),
"f_level_2" AS MATERIALIZED (
  SELECT "key_user_id", "next_step_2_micros" AS "reached_micros", MAX("event_micros") AS "chain_start"
  FROM "f_next_times"
  WHERE "has_step_1" = 1 AND "next_step_2_micros" IS NOT NULL AND "next_step_2_micros" <= "event_micros" + 3600000000
  GROUP BY "key_user_id", "next_step_2_micros"
),
"f_level_3" AS MATERIALIZED (
  SELECT "f_level_2"."key_user_id", "f_next_times"."next_step_3_micros" AS "reached_micros", MAX("f_level_2"."chain_start") AS "chain_start"
  FROM "f_level_2"
    INNER JOIN "f_next_times" ON "f_level_2"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_2"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_3_micros" IS NOT NULL AND "f_next_times"."next_step_3_micros" <= "f_level_2"."chain_start" + 3600000000
  GROUP BY "f_level_2"."key_user_id", "f_next_times"."next_step_3_micros"
),
"f_attempts" AS MATERIALIZED (
  SELECT "key_user_id", MAX("level") AS "level"
  FROM (SELECT "key_user_id", CASE WHEN "has_step_1" = 1 THEN 1 ELSE 0 END AS "level"
        FROM "f_next_times"
        UNION ALL
        SELECT "key_user_id", 2 AS "level"
        FROM "f_level_2"
        UNION ALL
        SELECT "key_user_id", 3 AS "level"
        FROM "f_level_3") AS "t2"
  GROUP BY "key_user_id"
),
"f_reached" AS MATERIALIZED (
  SELECT SUM(CASE WHEN "level" >= 1 THEN 1 ELSE 0 END) AS "reached_1", SUM(CASE WHEN "level" >= 2 THEN 1 ELSE 0 END) AS "reached_2", SUM(CASE WHEN "level" >= 3 THEN 1 ELSE 0 END) AS "reached_3"
  FROM "f_attempts"
  WHERE "level" >= 1
),
"f_step_counts" AS MATERIALIZED (
  SELECT 1 AS "step", 'a' AS "name", COALESCE("reached_1", 0) AS "count", CAST(NULL AS INTEGER) AS "previous_count", CAST(NULL AS INTEGER) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 2 AS "step", 'b' AS "name", COALESCE("reached_2", 0) AS "count", COALESCE("reached_1", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 3 AS "step", 'c' AS "name", COALESCE("reached_3", 0) AS "count", COALESCE("reached_2", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
)
SELECT "step", "name", "count", CAST(((20000 * "count" + "previous_count") // (NULLIF(2 * "previous_count", 0))) AS DOUBLE) / 1.000E2 AS "conversion_from_previous", CAST(((20000 * "count" + "first_count") // (NULLIF(2 * "first_count", 0))) AS DOUBLE) / 1.000E2 AS "conversion_from_first"
FROM "f_step_counts"
