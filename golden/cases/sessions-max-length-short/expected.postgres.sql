WITH RECURSIVE "s_events" ("key_user_id", "event_time", "event_micros", "event_order") AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id" ORDER BY "occurred_at", "event_name" COLLATE "C" NULLS FIRST) AS "event_order"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL
),
"s_gaps" ("key_user_id", "event_time", "event_micros", "event_order", "previous_micros") AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", LAG("event_micros") OVER (PARTITION BY "key_user_id" ORDER BY "event_order") AS "previous_micros"
  FROM "s_events"
),
"s_gap_sessions" ("key_user_id", "event_time", "event_micros", "event_order", "previous_micros", "gap_start", "gap_session") AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "previous_micros", CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 3600000000 THEN 1 ELSE 0 END AS "gap_start", SUM(CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 3600000000 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id" ORDER BY "event_order" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "gap_session"
  FROM "s_gaps"
),
"s_session_cuts" ("key_user_id", "event_time", "event_micros", "event_order", "previous_micros", "gap_start", "gap_session", "next_start_order") AS MATERIALIZED (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "previous_micros", "gap_start", "gap_session", MIN("event_order") OVER (PARTITION BY "key_user_id", "gap_session" ORDER BY "event_micros" RANGE BETWEEN 600000001 FOLLOWING AND UNBOUNDED FOLLOWING) AS "next_start_order"
  FROM "s_gap_sessions"
),
"s_session_starts" ("key_user_id", "start_order", "next_start_order") AS (
  SELECT "key_user_id", CAST("event_order" AS BIGINT) AS "start_order", CAST("next_start_order" AS BIGINT) AS "next_start_order"
  FROM "s_session_cuts"
  WHERE "gap_start" = 1
  UNION ALL
  SELECT "s_session_starts"."key_user_id", CAST("s_session_cuts"."event_order" AS BIGINT) AS "start_order", CAST("s_session_cuts"."next_start_order" AS BIGINT) AS "next_start_order"
  FROM "s_session_starts"
    INNER JOIN "s_session_cuts" ON "s_session_starts"."key_user_id" = "s_session_cuts"."key_user_id" AND "s_session_starts"."next_start_order" = "s_session_cuts"."event_order"
),
"s_session_marks" ("key_user_id", "event_time", "event_micros", "event_order", "previous_micros", "gap_start", "gap_session", "next_start_order", "is_start") AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "previous_micros", "gap_start", "gap_session", "next_start_order", 0 AS "is_start"
  FROM "s_session_cuts"
  UNION ALL
  SELECT "key_user_id", NULL AS "event_time", NULL AS "event_micros", "start_order" AS "event_order", NULL AS "previous_micros", NULL AS "gap_start", NULL AS "gap_session", NULL AS "next_start_order", 1 AS "is_start"
  FROM "s_session_starts"
),
"s_sessions" ("key_user_id", "event_time", "event_micros", "event_order", "previous_micros", "gap_start", "gap_session", "next_start_order", "session_number") AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "previous_micros", "gap_start", "gap_session", "next_start_order", "session_number"
  FROM (SELECT "key_user_id", "event_time", "event_micros", "event_order", "previous_micros", "gap_start", "gap_session", "next_start_order", "is_start", SUM("is_start") OVER (PARTITION BY "key_user_id" ORDER BY "event_order", "is_start" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "session_number"
      FROM "s_session_marks") AS "t"
  WHERE "is_start" = 0
)
SELECT "key_user_id" AS "user_id", "event_time" AS "occurred_at", CAST("session_number" AS BIGINT) AS "session_number"
FROM "s_sessions"
