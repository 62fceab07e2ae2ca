WITH "s_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id" ORDER BY "occurred_at", "event_name" COLLATE "C" NULLS FIRST) AS "event_order", CASE WHEN "event_name" = 'a' THEN 1 ELSE 0 END AS "condition_1", CASE WHEN "event_name" = 'b' THEN 1 ELSE 0 END AS "condition_2", CASE WHEN "event_name" = 'c' THEN 1 ELSE 0 END AS "condition_3"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL
),
"s_stored_events" AS (
  SELECT "key_user_id", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_order") AS "event_number", COUNT(*) OVER (PARTITION BY "key_user_id" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "stored_events", "event_micros", "event_time", "condition_1", "condition_2", "condition_3"
  FROM "s_events"
  WHERE "condition_1" = 1 OR "condition_2" = 1 OR "condition_3" = 1
),
"s_steps_1_to_3" AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "event_time", "condition_1", "condition_2", "condition_3", CASE WHEN "condition_1" = 1 AND "event_number" + 1 <= "stored_events" AND (LEAD("condition_2", 2) OVER (PARTITION BY "key_user_id" ORDER BY "event_number")) = 1 THEN CASE WHEN "event_number" + 3 <= "stored_events" THEN CAST(LEAD("event_number", 3) OVER (PARTITION BY "key_user_id" ORDER BY "event_number") AS BIGINT) WHEN "event_number" + 3 = "stored_events" + 1 THEN CAST("stored_events" + 1 AS BIGINT) ELSE CAST(NULL AS BIGINT) END ELSE NULL END AS "end_1"
  FROM "s_stored_events"
),
"s_step_0" AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "event_time", "condition_1", "condition_2", "condition_3", CAST((MIN(CASE WHEN "end_1" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS BIGINT) + "end_1" AS BIGINT) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) - CAST((CAST((MIN(CASE WHEN "end_1" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS BIGINT) + "end_1" AS BIGINT) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS BIGINT) / CAST((CAST(4294967296 AS BIGINT)) AS BIGINT)) AS BIGINT) * CAST(4294967296 AS BIGINT) AS BIGINT) AS "end_0", CAST(CAST((CAST((MIN(CASE WHEN "end_1" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS BIGINT) + "end_1" AS BIGINT) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS BIGINT) / CAST((CAST(4294967296 AS BIGINT)) AS BIGINT)) AS BIGINT) AS BIGINT) AS "lands_0"
  FROM "s_steps_1_to_3"
),
"s_match_path_0" AS (
  SELECT "key_user_id", "lands_0" AS "position"
  FROM "s_step_0"
  WHERE "event_number" = 1 AND "end_0" IS NOT NULL
),
"s_match_events" AS (
  SELECT "key_user_id", "position" AS "taken_1", CAST(CAST("position" + 1 AS BIGINT) + 1 AS BIGINT) AS "taken_2", CAST(CAST(CAST("position" + 1 AS BIGINT) + 1 AS BIGINT) + 1 AS BIGINT) AS "position"
  FROM "s_match_path_0"
)
SELECT "s_step_0"."key_user_id" AS "user_id", CAST(CASE WHEN "s_step_0"."event_number" = "s_match_events"."taken_1" THEN 1 WHEN "s_step_0"."event_number" = "s_match_events"."taken_2" THEN 2 ELSE CAST(NULL AS BIGINT) END AS BIGINT) AS "pattern_step", CASE WHEN "s_step_0"."event_number" = "s_match_events"."taken_1" THEN 'a' WHEN "s_step_0"."event_number" = "s_match_events"."taken_2" THEN 'b' ELSE NULL END AS "condition", "s_step_0"."event_time"
FROM "s_step_0"
  INNER JOIN "s_match_events" ON "s_step_0"."key_user_id" = "s_match_events"."key_user_id"
WHERE "s_step_0"."event_number" = "s_match_events"."taken_1" OR "s_step_0"."event_number" = "s_match_events"."taken_2"
