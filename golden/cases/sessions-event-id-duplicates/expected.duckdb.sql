WITH "s_events" AS MATERIALIZED (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id" ORDER BY "occurred_at", "event_name" NULLS FIRST, "event_id" NULLS FIRST) AS "event_order", "event_id" AS "event_id_value"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL
),
"s_event_id_occurrences" AS MATERIALIZED (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", ROW_NUMBER() OVER (PARTITION BY "key_user_id", "event_id_value" ORDER BY "event_order") AS "id_occurrence"
  FROM "s_events"
),
"s_distinct_events" AS MATERIALIZED (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "event_id_value"
  FROM "s_event_id_occurrences"
  WHERE "event_id_value" IS NULL OR "id_occurrence" = 1
),
"s_gaps" AS MATERIALIZED (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", LAG("event_micros") OVER (PARTITION BY "key_user_id" ORDER BY "event_order") AS "previous_micros"
  FROM "s_distinct_events"
),
"s_sessions" AS MATERIALIZED (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "previous_micros", SUM(CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 1800000000 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id" ORDER BY "event_order" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "session_number"
  FROM "s_gaps"
)
SELECT "key_user_id" AS "user_id", "event_time" AS "occurred_at", "event_id_value" AS "event_id", CAST("session_number" AS BIGINT) AS "session_number"
FROM "s_sessions"
