WITH "f_events" AS (
  SELECT "USER_ID" AS "key_user_id", "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST) AS "event_order", CASE WHEN "EVENT_NAME" = 'view' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "EVENT_NAME" = 'cart' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "EVENT_NAME" = 'buy' THEN 1 ELSE 0 END AS "step_3", CASE WHEN "EVENT_NAME" = 'refund' THEN 1 ELSE 0 END AS "excluded_1"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND ("EVENT_NAME" = 'view' OR "EVENT_NAME" = 'cart' OR "EVENT_NAME" = 'buy' OR "EVENT_NAME" = 'refund')
),
"f_entries" AS (
  SELECT "key_user_id", "event_order" AS "step_1_order", "event_micros" AS "step_1_micros", "event_time" AS "entry_time"
  FROM "f_events"
  WHERE "step_1" = 1
),
"f_step_2_cart" AS (
  SELECT "f_entries"."key_user_id", "f_entries"."step_1_order", "f_entries"."step_1_micros", "f_entries"."entry_time", MIN(CASE WHEN "f_events"."step_2" = 1 AND "f_events"."event_order" > "f_entries"."step_1_order" THEN "f_events"."event_order" ELSE NULL END) AS "step_2_order", MIN(CASE WHEN "f_events"."step_2" = 1 AND "f_events"."event_order" > "f_entries"."step_1_order" THEN "f_events"."event_micros" ELSE NULL END) AS "step_2_micros"
  FROM "f_entries"
    LEFT JOIN "f_events" ON "f_entries"."key_user_id" = "f_events"."key_user_id" AND "f_entries"."step_1_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_entries"."step_1_micros" + 3600000000
  GROUP BY "f_entries"."key_user_id", "f_entries"."step_1_order", "f_entries"."step_1_micros", "f_entries"."entry_time"
),
"f_step_3_buy" AS (
  SELECT "f_step_2_cart"."key_user_id", "f_step_2_cart"."step_1_order", "f_step_2_cart"."step_1_micros", "f_step_2_cart"."entry_time", "f_step_2_cart"."step_2_order", "f_step_2_cart"."step_2_micros", MIN(CASE WHEN "f_events"."step_3" = 1 AND ("f_events"."event_order" > "f_step_2_cart"."step_2_order" OR "f_events"."event_order" = "f_step_2_cart"."step_2_order") THEN "f_events"."event_order" ELSE NULL END) AS "step_3_order", MIN(CASE WHEN "f_events"."step_3" = 1 AND ("f_events"."event_order" > "f_step_2_cart"."step_2_order" OR "f_events"."event_order" = "f_step_2_cart"."step_2_order") THEN "f_events"."event_micros" ELSE NULL END) AS "step_3_micros"
  FROM "f_step_2_cart"
    LEFT JOIN "f_events" ON "f_step_2_cart"."key_user_id" = "f_events"."key_user_id" AND "f_step_2_cart"."step_2_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_step_2_cart"."step_1_micros" + 3600000000
  GROUP BY "f_step_2_cart"."key_user_id", "f_step_2_cart"."step_1_order", "f_step_2_cart"."step_1_micros", "f_step_2_cart"."entry_time", "f_step_2_cart"."step_2_order", "f_step_2_cart"."step_2_micros"
),
"f_levels" AS (
  SELECT "key_user_id", "step_1_order", "step_1_micros", "entry_time", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros", CASE WHEN "step_3_order" IS NOT NULL THEN 3 WHEN "step_2_order" IS NOT NULL THEN 2 WHEN "step_1_order" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_step_3_buy"
),
"f_exclusion_refund" AS (
  SELECT "f_levels"."key_user_id", "f_levels"."step_1_order", "f_levels"."step_1_micros", "f_levels"."entry_time", "f_levels"."step_2_order", "f_levels"."step_2_micros", "f_levels"."step_3_order", "f_levels"."step_3_micros", CASE WHEN COUNT("f_events"."event_micros") > 0 THEN 2 ELSE "f_levels"."level" END AS "level"
  FROM "f_levels"
    LEFT JOIN "f_events" ON "f_levels"."key_user_id" = "f_events"."key_user_id" AND "f_levels"."level" >= 3 AND "f_events"."excluded_1" = 1 AND "f_levels"."step_2_micros" < "f_events"."event_micros" AND "f_levels"."step_3_micros" > "f_events"."event_micros"
  GROUP BY "f_levels"."key_user_id", "f_levels"."step_1_order", "f_levels"."step_1_micros", "f_levels"."entry_time", "f_levels"."step_2_order", "f_levels"."step_2_micros", "f_levels"."step_3_order", "f_levels"."step_3_micros", "f_levels"."level"
),
"f_reached" AS (
  SELECT SUM(CASE WHEN "level" >= 1 THEN 1 ELSE 0 END) AS "reached_1", SUM(CASE WHEN "level" >= 2 THEN 1 ELSE 0 END) AS "reached_2", SUM(CASE WHEN "level" >= 3 THEN 1 ELSE 0 END) AS "reached_3"
  FROM "f_exclusion_refund"
  WHERE "level" >= 1
),
"f_step_counts" AS (
  SELECT 1 AS "step", 'view' AS "name", COALESCE("reached_1", 0) AS "count", CAST(NULL AS INTEGER) AS "previous_count", CAST(NULL AS INTEGER) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 2 AS "step", 'cart' AS "name", COALESCE("reached_2", 0) AS "count", COALESCE("reached_1", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 3 AS "step", 'buy' AS "name", COALESCE("reached_3", 0) AS "count", COALESCE("reached_2", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
)
SELECT "step", "name", "count", CAST((CAST((20000 * "count" + "previous_count") AS BIGINT) / CAST((NULLIF(2 * "previous_count", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "conversion_from_previous", CAST((CAST((20000 * "count" + "first_count") AS BIGINT) / CAST((NULLIF(2 * "first_count", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "conversion_from_first"
FROM "f_step_counts"
