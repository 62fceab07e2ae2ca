WITH "f_events" AS (
  SELECT "USER_ID" AS "key_user_id", "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST) AS "event_order", CASE WHEN "EVENT_NAME" = 'a' OR "EVENT_NAME" = 'ab' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "EVENT_NAME" = 'b' OR "EVENT_NAME" = 'ab' THEN 1 ELSE 0 END AS "step_2"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'a' OR "EVENT_NAME" = 'ab' OR "EVENT_NAME" = 'b')
),
"f_entries" AS (
  SELECT "key_user_id", "event_order" AS "step_1_order", "event_micros" AS "step_1_micros", "event_time" AS "entry_time"
  FROM "f_events"
  WHERE "step_1" = 1
),
"f_step_2_b" AS (
  SELECT "f_entries"."key_user_id", "f_entries"."step_1_order", "f_entries"."step_1_micros", "f_entries"."entry_time", MIN(CASE WHEN "f_events"."step_2" = 1 AND ("f_events"."event_order" > "f_entries"."step_1_order" OR "f_events"."event_order" = "f_entries"."step_1_order") THEN "f_events"."event_order" ELSE NULL END) AS "step_2_order", MIN(CASE WHEN "f_events"."step_2" = 1 AND ("f_events"."event_order" > "f_entries"."step_1_order" OR "f_events"."event_order" = "f_entries"."step_1_order") THEN "f_events"."event_micros" ELSE NULL END) AS "step_2_micros"
  FROM "f_entries"
    LEFT JOIN "f_events" ON "f_entries"."key_user_id" = "f_events"."key_user_id" AND "f_entries"."step_1_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_entries"."step_1_micros" + 3600000000
  GROUP BY "f_entries"."key_user_id", "f_entries"."step_1_order", "f_entries"."step_1_micros", "f_entries"."entry_time"
),
"f_levels" AS (
  SELECT "key_user_id", "step_1_order", "step_1_micros", "entry_time", "step_2_order", "step_2_micros", CASE WHEN "step_2_order" IS NOT NULL THEN 2 WHEN "step_1_order" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_step_2_b"
),
"f_reached" AS (
  SELECT SUM(CASE WHEN "level" >= 1 THEN 1 ELSE 0 END) AS "reached_1", SUM(CASE WHEN "level" >= 2 THEN 1 ELSE 0 END) AS "reached_2"
  FROM "f_levels"
  WHERE "level" >= 1
),
"f_step_counts" AS (
  SELECT 1 AS "step", 'a' AS "name", COALESCE("reached_1", 0) AS "count", CAST(NULL AS INTEGER) AS "previous_count", CAST(NULL AS INTEGER) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 2 AS "step", 'b' AS "name", COALESCE("reached_2", 0) AS "count", COALESCE("reached_1", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
)
SELECT "step", "name", "count", CAST((CAST((20000 * "count" + "previous_count") AS BIGINT) / CAST((NULLIF(2 * "previous_count", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "conversion_from_previous", CAST((CAST((20000 * "count" + "first_count") AS BIGINT) / CAST((NULLIF(2 * "first_count", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "conversion_from_first"
FROM "f_step_counts"
