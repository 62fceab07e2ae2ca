WITH "s_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", "event_name" AS "event_name_value"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL
),
"s_gaps" AS (
  SELECT "key_user_id", "event_time", "event_name_value", LAG("event_time") OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "event_name_value" NULLS FIRST) AS "previous_time", LEAD("event_time") OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "event_name_value" NULLS FIRST) AS "next_time"
  FROM "s_events"
),
"s_sessions" AS (
  SELECT "key_user_id", "event_time", "event_name_value", "previous_time", "next_time", CASE WHEN "previous_time" IS NULL OR "event_time" > ("previous_time" + to_microseconds(1800000000 )) THEN 1 ELSE 0 END AS "starts_session", CASE WHEN "next_time" IS NULL OR "next_time" > ("event_time" + to_microseconds(1800000000 )) THEN 1 ELSE 0 END AS "ends_session", SUM(CASE WHEN "previous_time" IS NULL OR "event_time" > ("previous_time" + to_microseconds(1800000000 )) THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "event_name_value" NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "session_number"
  FROM "s_gaps"
),
"s_session_summary" AS (
  SELECT "key_user_id", "session_number", MIN("event_time") AS "session_start", MAX("event_time") AS "session_end", COUNT(*) AS "event_count", MAX(CASE WHEN "starts_session" = 1 THEN "event_name_value" ELSE NULL END) AS "first_event", MAX(CASE WHEN "ends_session" = 1 THEN "event_name_value" ELSE NULL END) AS "last_event"
  FROM "s_sessions"
  GROUP BY "key_user_id", "session_number"
)
SELECT "key_user_id" AS "user_id", CAST("session_number" AS BIGINT) AS "session_number", "key_user_id" || '/' || rtrim(rtrim(strftime("session_start" , '%Y-%m-%d %H:%M:%S.%f'), '0'), '.') AS "session_id", "session_start", "session_end", CAST(epoch_us("session_end") - epoch_us("session_start") AS DOUBLE) / 1.0000000E6 AS "duration_seconds", "event_count", "first_event", "last_event"
FROM "s_session_summary"
