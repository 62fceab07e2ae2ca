WITH "f_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", CASE WHEN "event_name" = 'a' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'b' OR "event_name" = 'bb' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "event_name" = 'c' THEN 1 ELSE 0 END AS "step_3"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL
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
  WHERE "has_step_1" = 1 AND "next_step_2_micros" IS NOT NULL AND "next_step_2_micros" <= "event_micros" + 600000000
  GROUP BY "key_user_id", "next_step_2_micros"
),
"f_level_3" AS MATERIALIZED (
  SELECT "f_level_2"."key_user_id", "f_next_times"."next_step_3_micros" AS "reached_micros", MAX("f_level_2"."chain_start") AS "chain_start"
  FROM "f_level_2"
    INNER JOIN "f_next_times" ON "f_level_2"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_2"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_3_micros" IS NOT NULL AND "f_next_times"."next_step_3_micros" <= "f_level_2"."chain_start" + 600000000
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
)
SELECT "key_user_id" AS "user_id", "level" AS "furthest_step", CASE WHEN "level" = 1 THEN 'a' WHEN "level" = 2 THEN 'b' WHEN "level" = 3 THEN 'c' ELSE NULL END AS "furthest_step_name"
FROM "f_attempts"
