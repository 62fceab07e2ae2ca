WITH "s_events" AS NOT MATERIALIZED (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL
),
"s_gaps" AS NOT MATERIALIZED (
  SELECT "key_user_id", "event_time", "event_micros", LAG("event_micros") OVER (PARTITION BY "key_user_id" ORDER BY "event_time") AS "previous_micros", LEAD("event_micros") OVER (PARTITION BY "key_user_id" ORDER BY "event_time") AS "next_micros"
  FROM "s_events"
),
"s_sessions" AS NOT MATERIALIZED (
  SELECT "key_user_id", "event_time", "event_micros", "previous_micros", "next_micros", CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 9504000000000000 THEN 1 ELSE 0 END AS "starts_session", CASE WHEN "next_micros" IS NULL OR "next_micros" - "event_micros" > 9504000000000000 THEN 1 ELSE 0 END AS "ends_session", SUM(CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 9504000000000000 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id" ORDER BY "event_time" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "session_number"
  FROM "s_gaps"
),
"s_session_summary" AS NOT MATERIALIZED (
  SELECT "key_user_id", "session_number", MIN("event_time") AS "session_start", MAX("event_time") AS "session_end", COUNT(*) AS "event_count"
  FROM "s_sessions"
  GROUP BY "key_user_id", "session_number"
)
SELECT "key_user_id" AS "user_id", CAST("session_number" AS BIGINT) AS "session_number", "key_user_id" || '/' || RTRIM(RTRIM(TO_CHAR("session_start" , 'YYYY-MM-DD HH24:MI:SS.US'), '0'), '.') AS "session_id", "session_start", "session_end", CAST(CAST(EXTRACT(EPOCH FROM "session_end" ) * 1000000 AS BIGINT) - CAST(EXTRACT(EPOCH FROM "session_start" ) * 1000000 AS BIGINT) AS DOUBLE PRECISION) / 1.0000000E6 AS "duration_seconds", "event_count"
FROM "s_session_summary"
