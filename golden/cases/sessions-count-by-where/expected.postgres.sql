WITH "s_events" AS NOT MATERIALIZED (
  SELECT "user_id" AS "key_user_id", "platform" AS "key_platform", "occurred_at" AS "event_time"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "platform" IS NOT NULL AND "event_name" <> 'heartbeat'
),
"s_gaps" AS NOT MATERIALIZED (
  SELECT "key_user_id", "key_platform", "event_time", LAG("event_time") OVER (PARTITION BY "key_user_id", "key_platform" ORDER BY "event_time") AS "previous_time", LEAD("event_time") OVER (PARTITION BY "key_user_id", "key_platform" ORDER BY "event_time") AS "next_time"
  FROM "s_events"
),
"s_sessions" AS NOT MATERIALIZED (
  SELECT "key_user_id", "key_platform", "event_time", "previous_time", "next_time", CASE WHEN "previous_time" IS NULL OR "event_time" > ("previous_time" + 600000000 * INTERVAL '1 microsecond') THEN 1 ELSE 0 END AS "starts_session", CASE WHEN "next_time" IS NULL OR "next_time" > ("event_time" + 600000000 * INTERVAL '1 microsecond') THEN 1 ELSE 0 END AS "ends_session", SUM(CASE WHEN "previous_time" IS NULL OR "event_time" > ("previous_time" + 600000000 * INTERVAL '1 microsecond') THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id", "key_platform" ORDER BY "event_time" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "session_number"
  FROM "s_gaps"
),
"s_session_summary" AS NOT MATERIALIZED (
  SELECT "key_user_id", "key_platform", "session_number", MIN("event_time") AS "session_start", MAX("event_time") AS "session_end", COUNT(*) AS "event_count"
  FROM "s_sessions"
  GROUP BY "key_user_id", "key_platform", "session_number"
)
SELECT "key_user_id" AS "user_id", "key_platform" AS "platform", CAST("session_number" AS BIGINT) AS "session_number", "key_user_id" || '/' || "key_platform" || '/' || RTRIM(RTRIM(TO_CHAR("session_start" , 'YYYY-MM-DD HH24:MI:SS.US'), '0'), '.') AS "session_id", "session_start", "session_end", CAST(CAST(EXTRACT(EPOCH FROM "session_end" ) * 1000000 AS BIGINT) - CAST(EXTRACT(EPOCH FROM "session_start" ) * 1000000 AS BIGINT) AS DOUBLE PRECISION) / 1.0000000E6 AS "duration_seconds", "event_count"
FROM "s_session_summary"
