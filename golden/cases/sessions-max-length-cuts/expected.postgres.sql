WITH RECURSIVE "s_events" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value") AS (
  SELECT "account_id" AS "key_account_id", "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "account_id", "user_id" ORDER BY "occurred_at", "event_name" COLLATE "C" NULLS FIRST, "event_id" COLLATE "C" NULLS FIRST) AS "event_order", "event_id" AS "event_id_value", "event_name" AS "event_name_value"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "account_id" IS NOT NULL AND "user_id" IS NOT NULL
),
"s_event_id_occurrences" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "id_occurrence") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", ROW_NUMBER() OVER (PARTITION BY "key_account_id", "key_user_id", "event_id_value" ORDER BY "event_order") AS "id_occurrence"
  FROM "s_events"
),
"s_distinct_events" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value"
  FROM "s_event_id_occurrences"
  WHERE "event_id_value" IS NULL OR "id_occurrence" = 1
),
"s_gaps" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", LAG("event_micros") OVER (PARTITION BY "key_account_id", "key_user_id" ORDER BY "event_order") AS "previous_micros"
  FROM "s_distinct_events"
),
"s_gap_sessions" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 1800000000 THEN 1 ELSE 0 END AS "gap_start", SUM(CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 1800000000 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_account_id", "key_user_id" ORDER BY "event_order" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "gap_session"
  FROM "s_gaps"
),
"s_session_cuts" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order") AS MATERIALIZED (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", MIN("event_order") OVER (PARTITION BY "key_account_id", "key_user_id", "gap_session" ORDER BY "event_micros" RANGE BETWEEN 3600000001 FOLLOWING AND UNBOUNDED FOLLOWING) AS "next_start_order"
  FROM "s_gap_sessions"
),
"s_session_starts" ("key_account_id", "key_user_id", "start_order", "next_start_order") AS (
  SELECT "key_account_id", "key_user_id", CAST("event_order" AS BIGINT) AS "start_order", CAST("next_start_order" AS BIGINT) AS "next_start_order"
  FROM "s_session_cuts"
  WHERE "gap_start" = 1
  UNION ALL
  SELECT "s_session_starts"."key_account_id", "s_session_starts"."key_user_id", CAST("s_session_cuts"."event_order" AS BIGINT) AS "start_order", CAST("s_session_cuts"."next_start_order" AS BIGINT) AS "next_start_order"
  FROM "s_session_starts"
    INNER JOIN "s_session_cuts" ON "s_session_starts"."key_account_id" = "s_session_cuts"."key_account_id" AND "s_session_starts"."key_user_id" = "s_session_cuts"."key_user_id" AND "s_session_starts"."next_start_order" = "s_session_cuts"."event_order"
),
"s_session_marks" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "is_start") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", 0 AS "is_start"
  FROM "s_session_cuts"
  UNION ALL
  SELECT "key_account_id", "key_user_id", NULL AS "event_time", NULL AS "event_micros", "start_order" AS "event_order", NULL AS "event_id_value", NULL AS "event_name_value", NULL AS "previous_micros", NULL AS "gap_start", NULL AS "gap_session", NULL AS "next_start_order", 1 AS "is_start"
  FROM "s_session_starts"
),
"s_sessions" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "session_number") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "session_number"
  FROM (SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "is_start", SUM("is_start") OVER (PARTITION BY "key_account_id", "key_user_id" ORDER BY "event_order", "is_start" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "session_number"
      FROM "s_session_marks") AS "t"
  WHERE "is_start" = 0
),
"s_session_bounds" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "session_number", "first_order", "last_order") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "session_number", MIN("event_order") OVER (PARTITION BY "key_account_id", "key_user_id", "session_number" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "first_order", MAX("event_order") OVER (PARTITION BY "key_account_id", "key_user_id", "session_number" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "last_order"
  FROM "s_sessions"
),
"s_session_summary" ("key_account_id", "key_user_id", "session_number", "session_start", "session_end", "event_count", "first_event", "last_event") AS (
  SELECT "key_account_id", "key_user_id", "session_number", MIN("event_time") AS "session_start", MAX("event_time") AS "session_end", COUNT(*) AS "event_count", MAX(CASE WHEN "event_order" = "first_order" THEN "event_name_value" ELSE NULL END) AS "first_event", MAX(CASE WHEN "event_order" = "last_order" THEN "event_name_value" ELSE NULL END) AS "last_event"
  FROM "s_session_bounds"
  GROUP BY "key_account_id", "key_user_id", "session_number"
)
SELECT "key_account_id" AS "account_id", "key_user_id" AS "user_id", CAST("session_number" AS BIGINT) AS "session_number", "key_account_id" || '/' || "key_user_id" || '/' || RTRIM(RTRIM(TO_CHAR("session_start" , 'YYYY-MM-DD HH24:MI:SS.US'), '0'), '.') AS "session_id", "session_start", "session_end", CAST(CAST(EXTRACT(EPOCH FROM "session_end" ) * 1000000 AS BIGINT) - CAST(EXTRACT(EPOCH FROM "session_start" ) * 1000000 AS BIGINT) AS DOUBLE PRECISION) / 1.0000000E6 AS "duration_seconds", "event_count", "first_event", "last_event"
FROM "s_session_summary"
