WITH "f_events" AS MATERIALIZED (
  SELECT "user_id" AS "key_user_id", "title_id" AS "key_title_id", "session_id" AS "key_session_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id", "title_id", "session_id" ORDER BY "occurred_at", "event_name" NULLS FIRST) AS "event_order", CASE WHEN "event_name" = 'impression' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'detail' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "event_name" = 'play' THEN 1 ELSE 0 END AS "step_3"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND ("user_id" IS NOT NULL AND "title_id" IS NOT NULL) AND ("session_id" IS NOT NULL AND ("event_name" = 'impression' OR NOT "event_name" = 'impression') AND (("event_name" = 'detail' OR NOT "event_name" = 'detail') AND ("event_name" = 'play' OR NOT "event_name" = 'play')))
),
"f_first_entry" AS MATERIALIZED (
  SELECT "key_user_id", "key_title_id", "key_session_id", MIN("event_order") AS "step_1_order", MIN("event_micros") AS "step_1_micros", MIN("event_time") AS "entry_time"
  FROM "f_events"
  WHERE "step_1" = 1
  GROUP BY "key_user_id", "key_title_id", "key_session_id"
),
"f_step_2_detail" AS MATERIALIZED (
  SELECT "f_first_entry"."key_user_id", "f_first_entry"."key_title_id", "f_first_entry"."key_session_id", "f_first_entry"."step_1_order", "f_first_entry"."step_1_micros", "f_first_entry"."entry_time", MIN(CASE WHEN "f_events"."step_2" = 1 AND "f_events"."event_order" > "f_first_entry"."step_1_order" AND "f_events"."event_micros" > "f_first_entry"."step_1_micros" THEN "f_events"."event_order" ELSE NULL END) AS "step_2_order", MIN(CASE WHEN "f_events"."step_2" = 1 AND "f_events"."event_order" > "f_first_entry"."step_1_order" AND "f_events"."event_micros" > "f_first_entry"."step_1_micros" THEN "f_events"."event_micros" ELSE NULL END) AS "step_2_micros"
  FROM "f_first_entry"
    LEFT JOIN "f_events" ON "f_first_entry"."key_user_id" = "f_events"."key_user_id" AND "f_first_entry"."key_title_id" = "f_events"."key_title_id" AND "f_first_entry"."key_session_id" = "f_events"."key_session_id" AND "f_first_entry"."step_1_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_first_entry"."step_1_micros" + 600000000
  GROUP BY "f_first_entry"."key_user_id", "f_first_entry"."key_title_id", "f_first_entry"."key_session_id", "f_first_entry"."step_1_order", "f_first_entry"."step_1_micros", "f_first_entry"."entry_time"
),
"f_step_3_play" AS MATERIALIZED (
  SELECT "f_step_2_detail"."key_user_id", "f_step_2_detail"."key_title_id", "f_step_2_detail"."key_session_id", "f_step_2_detail"."step_1_order", "f_step_2_detail"."step_1_micros", "f_step_2_detail"."entry_time", "f_step_2_detail"."step_2_order", "f_step_2_detail"."step_2_micros", MIN(CASE WHEN "f_events"."step_3" = 1 AND "f_events"."event_order" > "f_step_2_detail"."step_2_order" AND "f_events"."event_micros" > "f_step_2_detail"."step_2_micros" THEN "f_events"."event_order" ELSE NULL END) AS "step_3_order", MIN(CASE WHEN "f_events"."step_3" = 1 AND "f_events"."event_order" > "f_step_2_detail"."step_2_order" AND "f_events"."event_micros" > "f_step_2_detail"."step_2_micros" THEN "f_events"."event_micros" ELSE NULL END) AS "step_3_micros"
  FROM "f_step_2_detail"
    LEFT JOIN "f_events" ON "f_step_2_detail"."key_user_id" = "f_events"."key_user_id" AND "f_step_2_detail"."key_title_id" = "f_events"."key_title_id" AND "f_step_2_detail"."key_session_id" = "f_events"."key_session_id" AND "f_step_2_detail"."step_2_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_step_2_detail"."step_2_micros" + 600000000
  GROUP BY "f_step_2_detail"."key_user_id", "f_step_2_detail"."key_title_id", "f_step_2_detail"."key_session_id", "f_step_2_detail"."step_1_order", "f_step_2_detail"."step_1_micros", "f_step_2_detail"."entry_time", "f_step_2_detail"."step_2_order", "f_step_2_detail"."step_2_micros"
),
"f_levels" AS MATERIALIZED (
  SELECT "key_user_id", "key_title_id", "key_session_id", "step_1_order", "step_1_micros", "entry_time", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros", CASE WHEN "step_3_order" IS NOT NULL THEN 3 WHEN "step_2_order" IS NOT NULL THEN 2 WHEN "step_1_order" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_step_3_play"
),
"f_keys" AS MATERIALIZED (
  SELECT "key_user_id", "key_title_id", "key_session_id"
  FROM "f_events"
  GROUP BY "key_user_id", "key_title_id", "key_session_id"
),
"f_attempts" AS MATERIALIZED (
  SELECT "f_keys"."key_user_id", "f_keys"."key_title_id", "f_keys"."key_session_id", "f_levels"."step_1_order", "f_levels"."step_1_micros", "f_levels"."entry_time", "f_levels"."step_2_order", "f_levels"."step_2_micros", "f_levels"."step_3_order", "f_levels"."step_3_micros", COALESCE("f_levels"."level", 0) AS "level"
  FROM "f_keys"
    LEFT JOIN "f_levels" ON "f_keys"."key_user_id" = "f_levels"."key_user_id" AND "f_keys"."key_title_id" = "f_levels"."key_title_id" AND "f_keys"."key_session_id" = "f_levels"."key_session_id"
)
SELECT "key_user_id" AS "user_id", "key_title_id" AS "title_id", "key_session_id" AS "session_id", "level" AS "furthest_step", CASE WHEN "level" = 1 THEN 'impression' WHEN "level" = 2 THEN 'detail' WHEN "level" = 3 THEN 'play' ELSE NULL END AS "furthest_step_name"
FROM "f_attempts"
