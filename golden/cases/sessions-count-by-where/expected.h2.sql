WITH "s_events" AS (
  SELECT "USER_ID" AS "key_user_id", "PLATFORM" AS "key_platform", "OCCURRED_AT" AS "event_time"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "PLATFORM" IS NOT NULL AND "EVENT_NAME" <> 'heartbeat'
),
"s_gaps" AS (
  SELECT "key_user_id", "key_platform", "event_time", LAG("event_time") OVER (PARTITION BY "key_user_id", "key_platform" ORDER BY "event_time") AS "previous_time", LEAD("event_time") OVER (PARTITION BY "key_user_id", "key_platform" ORDER BY "event_time") AS "next_time"
  FROM "s_events"
),
"s_sessions" AS (
  SELECT "key_user_id", "key_platform", "event_time", "previous_time", "next_time", CASE WHEN "previous_time" IS NULL OR "event_time" > DATEADD(MICROSECOND, 600000000 , "previous_time") THEN 1 ELSE 0 END AS "starts_session", CASE WHEN "next_time" IS NULL OR "next_time" > DATEADD(MICROSECOND, 600000000 , "event_time") THEN 1 ELSE 0 END AS "ends_session", SUM(CASE WHEN "previous_time" IS NULL OR "event_time" > DATEADD(MICROSECOND, 600000000 , "previous_time") THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id", "key_platform" ORDER BY "event_time" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "session_number"
  FROM "s_gaps"
),
"s_session_summary" AS (
  SELECT "key_user_id", "key_platform", "session_number", MIN("event_time") AS "session_start", MAX("event_time") AS "session_end", COUNT(*) AS "event_count"
  FROM "s_sessions"
  GROUP BY "key_user_id", "key_platform", "session_number"
)
SELECT "key_user_id" AS "user_id", "key_platform" AS "platform", CAST("session_number" AS BIGINT) AS "session_number", "key_user_id" || '/' || "key_platform" || '/' || RTRIM(RTRIM(FORMATDATETIME("session_start" , 'yyyy-MM-dd HH:mm:ss.SSSSSS'), '0'), '.') AS "session_id", "session_start", "session_end", CAST(DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "session_end") - DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "session_start") AS DOUBLE) / 1.0000000E6 AS "duration_seconds", "event_count"
FROM "s_session_summary"
