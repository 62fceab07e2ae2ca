WITH "s_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", ROW_NUMBER() OVER (PARTITION BY "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST, "EVENT_ID" NULLS FIRST) "event_order", "EVENT_ID" "event_id_value"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL
),
"s_event_id_occurrences" AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", ROW_NUMBER() OVER (PARTITION BY "key_user_id", "event_id_value" ORDER BY "event_order") "id_occurrence"
  FROM "s_events"
),
"s_distinct_events" AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "event_id_value"
  FROM "s_event_id_occurrences"
  WHERE "event_id_value" IS NULL OR "id_occurrence" = 1
),
"s_gaps" AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", LAG("event_micros") OVER (PARTITION BY "key_user_id" ORDER BY "event_order") "previous_micros"
  FROM "s_distinct_events"
),
"s_sessions" AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "previous_micros", SUM(CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 1800000000 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id" ORDER BY "event_order" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "session_number"
  FROM "s_gaps"
)
SELECT "key_user_id" "user_id", "event_time" "occurred_at", "event_id_value" "event_id", CAST("session_number" AS NUMBER(19)) "session_number"
FROM "s_sessions"
