WITH "f_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id" ORDER BY "occurred_at", "event_name" COLLATE "C" NULLS FIRST) AS "event_order", CASE WHEN "event_name" = 'view' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'cart' THEN 1 ELSE 0 END AS "step_2"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL
),
"f_view" AS (
  SELECT "key_user_id", MIN("event_micros") AS "step_1_micros", MIN("event_order") AS "step_1_order"
  FROM "f_events"
  WHERE "step_1" = 1
  GROUP BY "key_user_id"
),
"f_cart" AS (
  SELECT "f_view"."key_user_id", MIN("t0"."event_micros") AS "step_2_micros", MIN("t0"."event_order") AS "step_2_order"
  FROM "f_view"
    INNER JOIN (SELECT "key_user_id", "event_micros", "event_order"
      FROM "f_events"
      WHERE "step_2" = 1) AS "t0" ON "f_view"."key_user_id" = "t0"."key_user_id" AND ("f_view"."step_1_order" < "t0"."event_order" OR "f_view"."step_1_order" = "t0"."event_order") AND "t0"."event_micros" <= "f_view"."step_1_micros" + 3600000000
  GROUP BY "f_view"."key_user_id"
),
"f_keys" AS (
  SELECT "key_user_id"
  FROM "f_events"
  GROUP BY "key_user_id"
),
"f_attempts" AS (
  SELECT "f_keys"."key_user_id", "f_view"."step_1_order", "f_view"."step_1_micros", "f_cart"."step_2_order", "f_cart"."step_2_micros", CASE WHEN "f_cart"."step_2_micros" IS NOT NULL THEN 2 WHEN "f_view"."step_1_micros" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_keys"
    LEFT JOIN "f_view" ON "f_keys"."key_user_id" = "f_view"."key_user_id"
    LEFT JOIN "f_cart" ON "f_keys"."key_user_id" = "f_cart"."key_user_id"
)
SELECT "key_user_id" AS "user_id", "level" AS "furthest_step", CASE WHEN "level" = 1 THEN 'view' WHEN "level" = 2 THEN 'cart' ELSE NULL END AS "furthest_step_name"
FROM "f_attempts"
