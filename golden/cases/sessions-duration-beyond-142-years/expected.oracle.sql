WITH "s_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL
),
"s_gaps" AS (
  SELECT "key_user_id", "event_time", "event_micros", LAG("event_micros") OVER (PARTITION BY "key_user_id" ORDER BY "event_time") "previous_micros", LEAD("event_micros") OVER (PARTITION BY "key_user_id" ORDER BY "event_time") "next_micros"
  FROM "s_events"
),
"s_sessions" AS (
  SELECT "key_user_id", "event_time", "event_micros", "previous_micros", "next_micros", CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 9504000000000000 THEN 1 ELSE 0 END "starts_session", CASE WHEN "next_micros" IS NULL OR "next_micros" - "event_micros" > 9504000000000000 THEN 1 ELSE 0 END "ends_session", SUM(CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 9504000000000000 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id" ORDER BY "event_time" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "session_number"
  FROM "s_gaps"
),
"s_session_summary" AS (
  SELECT "key_user_id", "session_number", MIN("event_time") "session_start", MAX("event_time") "session_end", COUNT(*) "event_count"
  FROM "s_sessions"
  GROUP BY "key_user_id", "session_number"
)
SELECT "key_user_id" "user_id", CAST("session_number" AS NUMBER(19)) "session_number", "key_user_id" || '/' || RTRIM(RTRIM(TO_CHAR("session_start" , 'YYYY-MM-DD HH24:MI:SS.FF6'), '0'), '.') "session_id", "session_start", "session_end", CAST(((CAST(TO_CHAR("session_end" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("session_end" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("session_end" , 'FF6') AS NUMBER(19))) - ((CAST(TO_CHAR("session_start" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("session_start" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("session_start" , 'FF6') AS NUMBER(19))) AS DOUBLE PRECISION) / 1.0000000E6 "duration_seconds", "event_count"
FROM "s_session_summary"
