WITH "s_events" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value") AS (
  SELECT "ACCOUNT_ID" "key_account_id", "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", ROW_NUMBER() OVER (PARTITION BY "ACCOUNT_ID", "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST, "EVENT_ID" NULLS FIRST) "event_order", "EVENT_ID" "event_id_value", "EVENT_NAME" "event_name_value"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "ACCOUNT_ID" IS NOT NULL AND "USER_ID" IS NOT NULL
),
"s_event_id_occurrences" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "id_occurrence") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", ROW_NUMBER() OVER (PARTITION BY "key_account_id", "key_user_id", "event_id_value" ORDER BY "event_order") "id_occurrence"
  FROM "s_events"
),
"s_distinct_events" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value"
  FROM "s_event_id_occurrences"
  WHERE "event_id_value" IS NULL OR "id_occurrence" = 1
),
"s_gaps" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", LAG("event_micros") OVER (PARTITION BY "key_account_id", "key_user_id" ORDER BY "event_order") "previous_micros"
  FROM "s_distinct_events"
),
"s_gap_sessions" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 1800000000 THEN 1 ELSE 0 END "gap_start", SUM(CASE WHEN "previous_micros" IS NULL OR "event_micros" - "previous_micros" > 1800000000 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_account_id", "key_user_id" ORDER BY "event_order" ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "gap_session"
  FROM "s_gaps"
),
"s_session_cuts" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", MIN("event_order") OVER (PARTITION BY "key_account_id", "key_user_id", "gap_session" ORDER BY "event_micros" RANGE BETWEEN 3600000001 FOLLOWING AND UNBOUNDED FOLLOWING) "next_start_order"
  FROM "s_gap_sessions"
),
"s_session_starts" ("key_account_id", "key_user_id", "start_order", "next_start_order") AS (
  SELECT "key_account_id", "key_user_id", CAST("event_order" AS NUMBER(19)) "start_order", CAST("next_start_order" AS NUMBER(19)) "next_start_order"
  FROM "s_session_cuts"
  WHERE "gap_start" = 1
  UNION ALL
  SELECT "s_session_starts"."key_account_id", "s_session_starts"."key_user_id", CAST("s_session_cuts"."event_order" AS NUMBER(19)) "start_order", CAST("s_session_cuts"."next_start_order" AS NUMBER(19)) "next_start_order"
  FROM "s_session_starts"
    INNER JOIN "s_session_cuts" ON "s_session_starts"."key_account_id" = "s_session_cuts"."key_account_id" AND "s_session_starts"."key_user_id" = "s_session_cuts"."key_user_id" AND "s_session_starts"."next_start_order" = "s_session_cuts"."event_order"
),
"s_session_marks" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "is_start") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", 0 "is_start"
  FROM "s_session_cuts"
  UNION ALL
  SELECT "key_account_id", "key_user_id", NULL "event_time", NULL "event_micros", "start_order" "event_order", NULL "event_id_value", NULL "event_name_value", NULL "previous_micros", NULL "gap_start", NULL "gap_session", NULL "next_start_order", 1 "is_start"
  FROM "s_session_starts"
),
"s_sessions" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "session_number") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "session_number"
  FROM (SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "is_start", SUM("is_start") OVER (PARTITION BY "key_account_id", "key_user_id" ORDER BY "event_order", "is_start" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "session_number"
      FROM "s_session_marks") "t"
  WHERE "is_start" = 0
),
"s_session_bounds" ("key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "session_number", "first_order", "last_order") AS (
  SELECT "key_account_id", "key_user_id", "event_time", "event_micros", "event_order", "event_id_value", "event_name_value", "previous_micros", "gap_start", "gap_session", "next_start_order", "session_number", MIN("event_order") OVER (PARTITION BY "key_account_id", "key_user_id", "session_number" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) "first_order", MAX("event_order") OVER (PARTITION BY "key_account_id", "key_user_id", "session_number" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) "last_order"
  FROM "s_sessions"
),
"s_session_summary" ("key_account_id", "key_user_id", "session_number", "session_start", "session_end", "event_count", "first_event", "last_event") AS (
  SELECT "key_account_id", "key_user_id", "session_number", MIN("event_time") "session_start", MAX("event_time") "session_end", COUNT(*) "event_count", MAX(CASE WHEN "event_order" = "first_order" THEN "event_name_value" ELSE NULL END) "first_event", MAX(CASE WHEN "event_order" = "last_order" THEN "event_name_value" ELSE NULL END) "last_event"
  FROM "s_session_bounds"
  GROUP BY "key_account_id", "key_user_id", "session_number"
)
SELECT "key_account_id" "account_id", "key_user_id" "user_id", CAST("session_number" AS NUMBER(19)) "session_number", "key_account_id" || '/' || "key_user_id" || '/' || RTRIM(RTRIM(TO_CHAR("session_start" , 'YYYY-MM-DD HH24:MI:SS.FF6'), '0'), '.') "session_id", "session_start", "session_end", CAST(((CAST(TO_CHAR("session_end" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("session_end" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("session_end" , 'FF6') AS NUMBER(19))) - ((CAST(TO_CHAR("session_start" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("session_start" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("session_start" , 'FF6') AS NUMBER(19))) AS DOUBLE PRECISION) / 1.0000000E6 "duration_seconds", "event_count", "first_event", "last_event"
FROM "s_session_summary"
