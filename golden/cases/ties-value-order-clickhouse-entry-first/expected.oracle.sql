WITH "f_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", ROW_NUMBER() OVER (PARTITION BY "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST) "event_order", CASE WHEN "EVENT_NAME" = 'view' THEN 1 ELSE 0 END "step_1", CASE WHEN "EVENT_NAME" = 'cart' THEN 1 ELSE 0 END "step_2"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL
),
"f_view" AS (
  SELECT "key_user_id", MIN("event_micros") "step_1_micros", MIN("event_order") "step_1_order"
  FROM "f_events"
  WHERE "step_1" = 1
  GROUP BY "key_user_id"
),
"f_cart" AS (
  SELECT "f_view"."key_user_id", MIN("t0"."event_micros") "step_2_micros", MIN("t0"."event_order") "step_2_order"
  FROM "f_view"
    INNER JOIN (SELECT "key_user_id", "event_micros", "event_order"
      FROM "f_events"
      WHERE "step_2" = 1) "t0" ON "f_view"."key_user_id" = "t0"."key_user_id" AND ("f_view"."step_1_order" < "t0"."event_order" OR "f_view"."step_1_order" = "t0"."event_order") AND "t0"."event_micros" <= "f_view"."step_1_micros" + 3600000000
  GROUP BY "f_view"."key_user_id"
),
"f_keys" AS (
  SELECT "key_user_id"
  FROM "f_events"
  GROUP BY "key_user_id"
),
"f_attempts" AS (
  SELECT "f_keys"."key_user_id", "f_view"."step_1_order", "f_view"."step_1_micros", "f_cart"."step_2_order", "f_cart"."step_2_micros", CASE WHEN "f_cart"."step_2_micros" IS NOT NULL THEN 2 WHEN "f_view"."step_1_micros" IS NOT NULL THEN 1 ELSE 0 END "level"
  FROM "f_keys"
    LEFT JOIN "f_view" ON "f_keys"."key_user_id" = "f_view"."key_user_id"
    LEFT JOIN "f_cart" ON "f_keys"."key_user_id" = "f_cart"."key_user_id"
)
SELECT "key_user_id" "user_id", "level" "furthest_step", CASE WHEN "level" = 1 THEN 'view' WHEN "level" = 2 THEN 'cart' ELSE NULL END "furthest_step_name"
FROM "f_attempts"
