WITH "s_events" AS (
  SELECT "ACCOUNT_ID" "key_account_id", "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", ROW_NUMBER() OVER (PARTITION BY "ACCOUNT_ID", "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST, "EVENT_ID" NULLS FIRST) "event_order", "EVENT_ID" "event_id_value", "EVENT_NAME" "event_name_value"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "ACCOUNT_ID" IS NOT NULL AND "USER_ID" IS NOT NULL
),
"s_event_id_occurrences" AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", ROW_NUMBER() OVER (PARTITION BY "key_account_id", "key_user_id", "event_id_value" ORDER BY "event_order") "id_occurrence"
  FROM "s_events"
),
"s_distinct_events" AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value"
  FROM "s_event_id_occurrences"
  WHERE "event_id_value" IS NULL OR "id_occurrence" = 1
),
"s_gaps" AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", LAG("event_micros") OVER (PARTITION BY "key_account_id", "key_user_id" ORDER BY "event_order") "previous_micros"
  FROM "s_distinct_events"
),
"s_sessions" AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", SUM(CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 1800000000 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_account_id", "key_user_id" ORDER BY "event_order" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "session_number"
  FROM "s_gaps"
),
"s_session_bounds" AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "session_number", MIN("event_order") OVER (PARTITION BY "key_account_id", "key_user_id", "session_number" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) "first_order", MAX("event_order") OVER (PARTITION BY "key_account_id", "key_user_id", "session_number" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) "last_order"
  FROM "s_sessions"
),
"s_session_summary" AS (
  SELECT "key_account_id", "key_user_id", "session_number", MIN("event_time") "session_start", MAX("event_time") "session_end", COUNT(*) "event_count", MAX(CASE WHEN "event_order" = "first_order" THEN "event_name_value" ELSE NULL END) "first_event", MAX(CASE WHEN "event_order" = "last_order" THEN "event_name_value" ELSE NULL END) "last_event"
  FROM "s_session_bounds"
  GROUP BY "key_account_id", "key_user_id", "session_number"
)
SELECT "key_account_id" "account_id", "key_user_id" "user_id", CAST("session_number" AS NUMBER(19)) "session_number", "key_account_id" || '/' || "key_user_id" || '/' || RTRIM(RTRIM(TO_CHAR("session_start" , 'YYYY-MM-DD HH24:MI:SS.FF6'), '0'), '.') "session_id", "session_start", "session_end", CAST(((CAST(TO_CHAR("session_end" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("session_end" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("session_end" , 'FF6') AS NUMBER(19))) - ((CAST(TO_CHAR("session_start" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("session_start" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("session_start" , 'FF6') AS NUMBER(19))) AS DOUBLE PRECISION) / 1.0000000E6 "duration_seconds", "event_count", "first_event", "last_event"
FROM "s_session_summary"
