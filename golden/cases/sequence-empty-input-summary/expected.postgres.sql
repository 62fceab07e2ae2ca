WITH RECURSIVE "s_events" ("key_user_id", "event_time", "event_micros", "event_order", "condition_1", "condition_2", "condition_3") AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id" ORDER BY "occurred_at", "event_name" COLLATE "C" NULLS FIRST) AS "event_order", CASE WHEN "event_name" = 'a' THEN 1 ELSE 0 END AS "condition_1", CASE WHEN "event_name" = 'b' THEN 1 ELSE 0 END AS "condition_2", CASE WHEN "event_name" = 'c' THEN 1 ELSE 0 END AS "condition_3"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL
),
"s_stored_events" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3") AS (
  SELECT "key_user_id", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_order") AS "event_number", COUNT(*) OVER (PARTITION BY "key_user_id" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "stored_events", "event_micros", "condition_1", "condition_2", "condition_3"
  FROM "s_events"
  WHERE "condition_1" = 1 OR "condition_2" = 1 OR "condition_3" = 1
),
"s_steps_3_to_3" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", "end_3") AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", CASE WHEN "condition_2" = 1 THEN CASE WHEN "event_number" + 1 <= "stored_events" THEN CAST(LEAD("event_number", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_number") AS BIGINT) WHEN "event_number" + 1 = "stored_events" + 1 THEN CAST("stored_events" + 1 AS BIGINT) ELSE CAST(NULL AS BIGINT) END ELSE NULL END AS "end_3"
  FROM "s_stored_events"
),
"s_step_2" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", "end_2") AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", CAST((MIN(CASE WHEN "end_3" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS BIGINT) + "end_3" AS BIGINT) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) - CAST((CAST((MIN(CASE WHEN "end_3" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS BIGINT) + "end_3" AS BIGINT) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS BIGINT) / CAST((CAST(4294967296 AS BIGINT)) AS BIGINT)) AS BIGINT) * CAST(4294967296 AS BIGINT) AS BIGINT) AS "end_2"
  FROM "s_steps_3_to_3"
),
"s_steps_1_to_1" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", "end_1") AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", CASE WHEN "condition_1" = 1 THEN CASE WHEN "event_number" + 1 <= "stored_events" THEN CAST(LEAD("end_2", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_number") AS BIGINT) ELSE CAST(NULL AS BIGINT) END ELSE NULL END AS "end_1"
  FROM "s_step_2"
),
"s_step_0" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", "end_0") AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", CAST((MIN(CASE WHEN "end_1" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS BIGINT) + "end_1" AS BIGINT) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) - CAST((CAST((MIN(CASE WHEN "end_1" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS BIGINT) + "end_1" AS BIGINT) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) AS BIGINT) / CAST((CAST(4294967296 AS BIGINT)) AS BIGINT)) AS BIGINT) * CAST(4294967296 AS BIGINT) AS BIGINT) AS "end_0"
  FROM "s_steps_1_to_1"
),
"s_match_ends" ("key_user_id", "event_number", "match_end", "next_start") AS (
  SELECT *
  FROM (SELECT "key_user_id", "event_number", "end_0" AS "match_end", CASE WHEN "end_0" = "event_number" THEN "event_number" + 1 ELSE "end_0" END AS "next_start"
      FROM "s_step_0") AS "t"
  WHERE "match_end" IS NOT NULL
),
"s_match_starts" ("key_user_id", "event_number", "match_end", "next_start") AS MATERIALIZED (
  SELECT "s_match_ends"."key_user_id", "s_match_ends"."event_number", "s_match_ends"."match_end", "s_match_ends"."next_start"
  FROM "s_match_ends"
    INNER JOIN (SELECT "key_user_id", "next_start"
      FROM "s_match_ends"
      GROUP BY "key_user_id", "next_start") AS "t" ON "s_match_ends"."key_user_id" = "t"."key_user_id" AND "s_match_ends"."event_number" = "t"."next_start"
),
"s_match_walk" ("key_user_id", "next_start", "matches") AS (
  SELECT "key_user_id", CAST("next_start" AS BIGINT) AS "next_start", CAST(1 AS BIGINT) AS "matches"
  FROM "s_match_ends"
  WHERE "event_number" = 1
  UNION ALL
  SELECT "s_match_walk"."key_user_id", CAST("s_match_starts"."next_start" AS BIGINT) AS "next_start", CAST("s_match_walk"."matches" + 1 AS BIGINT) AS "matches"
  FROM "s_match_starts"
    INNER JOIN "s_match_walk" ON "s_match_starts"."key_user_id" = "s_match_walk"."key_user_id" AND "s_match_starts"."event_number" = "s_match_walk"."next_start"
),
"s_per_key" ("key_user_id", "stored_events", "match_end", "matches") AS (
  SELECT "key_user_id", SUM("stored_events") AS "stored_events", MAX("match_end") AS "match_end", MAX("matches") AS "matches"
  FROM (SELECT "key_user_id", CAST(CASE WHEN "condition_1" = 1 OR "condition_2" = 1 OR "condition_3" = 1 THEN 1 ELSE 0 END AS BIGINT) AS "stored_events", CAST(NULL AS BIGINT) AS "match_end", CAST(0 AS BIGINT) AS "matches"
        FROM "s_events"
        UNION ALL
        SELECT "key_user_id", CAST(0 AS BIGINT) AS "stored_events", CAST("match_end" AS BIGINT) AS "match_end", CAST(0 AS BIGINT) AS "matches"
        FROM "s_match_ends"
        WHERE "event_number" = 1
        UNION ALL
        SELECT "key_user_id", CAST(0 AS BIGINT) AS "stored_events", CAST(NULL AS BIGINT) AS "match_end", CAST("matches" AS BIGINT) AS "matches"
        FROM "s_match_walk") AS "t3"
  GROUP BY "key_user_id"
)
SELECT CAST(COUNT(*) AS BIGINT) AS "keys", CAST(COALESCE(SUM(CASE WHEN "stored_events" = 0 THEN 0 WHEN "match_end" IS NOT NULL THEN 1 ELSE 0 END), 0) AS BIGINT) AS "matched_keys", CAST(COALESCE(SUM("matches"), 0) AS BIGINT) AS "matches"
FROM "s_per_key"
