WITH "s_events" AS (
  SELECT "USER_ID" AS "key_user_id", "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL
),
"s_gaps" AS (
  SELECT "key_user_id", "event_time", "event_micros", LAG("event_micros") OVER (PARTITION BY "key_user_id" ORDER BY "event_time") AS "previous_micros", LEAD("event_micros") OVER (PARTITION BY "key_user_id" ORDER BY "event_time") AS "next_micros"
  FROM "s_events"
),
"s_sessions" AS (
  SELECT "key_user_id", "event_time", "event_micros", "previous_micros", "next_micros", CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 9504000000000000 THEN 1 ELSE 0 END AS "starts_session", CASE WHEN "next_micros" IS NULL OR "next_micros" - "event_micros" > 9504000000000000 THEN 1 ELSE 0 END AS "ends_session", SUM(CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 9504000000000000 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id" ORDER BY "event_time" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "session_number"
  FROM "s_gaps"
),
"s_session_summary" AS (
  SELECT "key_user_id", "session_number", MIN("event_time") AS "session_start", MAX("event_time") AS "session_end", COUNT(*) AS "event_count"
  FROM "s_sessions"
  GROUP BY "key_user_id", "session_number"
)
SELECT "key_user_id" AS "user_id", CAST("session_number" AS BIGINT) AS "session_number", "key_user_id" || '/' || RTRIM(RTRIM(FORMATDATETIME("session_start" , 'yyyy-MM-dd HH:mm:ss.SSSSSS'), '0'), '.') AS "session_id", "session_start", "session_end", CAST(DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "session_end") - DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "session_start") AS DOUBLE) / 1.0000000E6 AS "duration_seconds", "event_count"
FROM "s_session_summary"
