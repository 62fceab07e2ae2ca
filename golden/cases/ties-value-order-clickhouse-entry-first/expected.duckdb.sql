WITH "f_events" AS MATERIALIZED (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id" ORDER BY "occurred_at", "event_name" NULLS FIRST) AS "event_order", CASE WHEN "event_name" = 'view' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'cart' THEN 1 ELSE 0 END AS "step_2"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND ("event_name" = 'view' OR NOT "event_name" = 'view') AND ("event_name" = 'cart' OR NOT "event_name" = 'cart')
),
"f_first_entry" AS MATERIALIZED (
  SELECT "key_user_id", MIN("event_order") AS "step_1_order", MIN("event_micros") AS "step_1_micros", MIN("event_time") AS "entry_time"
  FROM "f_events"
  WHERE "step_1" = 1
  GROUP BY "key_user_id"
),
"f_step_2_cart" AS MATERIALIZED (
  SELECT "f_first_entry"."key_user_id", "f_first_entry"."step_1_order", "f_first_entry"."step_1_micros", "f_first_entry"."entry_time", MIN(CASE WHEN "f_events"."step_2" = 1 AND ("f_events"."event_order" > "f_first_entry"."step_1_order" OR "f_events"."event_order" = "f_first_entry"."step_1_order") THEN "f_events"."event_order" ELSE NULL END) AS "step_2_order", MIN(CASE WHEN "f_events"."step_2" = 1 AND ("f_events"."event_order" > "f_first_entry"."step_1_order" OR "f_events"."event_order" = "f_first_entry"."step_1_order") THEN "f_events"."event_micros" ELSE NULL END) AS "step_2_micros"
  FROM "f_first_entry"
    LEFT JOIN "f_events" ON "f_first_entry"."key_user_id" = "f_events"."key_user_id" AND "f_first_entry"."step_1_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_first_entry"."step_1_micros" + 3600000000
  GROUP BY "f_first_entry"."key_user_id", "f_first_entry"."step_1_order", "f_first_entry"."step_1_micros", "f_first_entry"."entry_time"
),
"f_levels" AS MATERIALIZED (
  SELECT "key_user_id", "step_1_order", "step_1_micros", "entry_time", "step_2_order", "step_2_micros", CASE WHEN "step_2_order" IS NOT NULL THEN 2 WHEN "step_1_order" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_step_2_cart"
),
"f_keys" AS MATERIALIZED (
  SELECT "key_user_id"
  FROM "f_events"
  GROUP BY "key_user_id"
),
"f_attempts" AS MATERIALIZED (
  SELECT "f_keys"."key_user_id", "f_levels"."step_1_order", "f_levels"."step_1_micros", "f_levels"."entry_time", "f_levels"."step_2_order", "f_levels"."step_2_micros", COALESCE("f_levels"."level", 0) AS "level"
  FROM "f_keys"
    LEFT JOIN "f_levels" ON "f_keys"."key_user_id" = "f_levels"."key_user_id"
)
SELECT "key_user_id" AS "user_id", "level" AS "furthest_step", CASE WHEN "level" = 1 THEN 'view' WHEN "level" = 2 THEN 'cart' ELSE NULL END AS "furthest_step_name"
FROM "f_attempts"
