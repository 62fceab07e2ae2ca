WITH "f_events" AS (
  SELECT "USER_ID" "key_user_id", "TITLE_ID" "key_title_id", "SESSION_ID" "key_session_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", ROW_NUMBER() OVER (PARTITION BY "USER_ID", "TITLE_ID", "SESSION_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST) "event_order", CASE WHEN "EVENT_NAME" = 'impression' THEN 1 ELSE 0 END "step_1", CASE WHEN "EVENT_NAME" = 'detail' THEN 1 ELSE 0 END "step_2", CASE WHEN "EVENT_NAME" = 'play' THEN 1 ELSE 0 END "step_3"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND ("USER_ID" IS NOT NULL AND "TITLE_ID" IS NOT NULL) AND ("SESSION_ID" IS NOT NULL AND ("EVENT_NAME" = 'impression' OR NOT "EVENT_NAME" = 'impression') AND (("EVENT_NAME" = 'detail' OR NOT "EVENT_NAME" = 'detail') AND ("EVENT_NAME" = 'play' OR NOT "EVENT_NAME" = 'play')))
),
"f_first_entry" AS (
  SELECT "key_user_id", "key_title_id", "key_session_id", MIN("event_order") "step_1_order", MIN("event_micros") "step_1_micros", MIN("event_time") "entry_time"
  FROM "f_events"
  WHERE "step_1" = 1
  GROUP BY "key_user_id", "key_title_id", "key_session_id"
),
"f_step_2_detail" AS (
  SELECT "f_first_entry"."key_user_id", "f_first_entry"."key_title_id", "f_first_entry"."key_session_id", "f_first_entry"."step_1_order", "f_first_entry"."step_1_micros", "f_first_entry"."entry_time", MIN(CASE WHEN "f_events"."step_2" = 1 AND "f_events"."event_order" > "f_first_entry"."step_1_order" AND "f_events"."event_micros" > "f_first_entry"."step_1_micros" THEN "f_events"."event_order" ELSE NULL END) "step_2_order", MIN(CASE WHEN "f_events"."step_2" = 1 AND "f_events"."event_order" > "f_first_entry"."step_1_order" AND "f_events"."event_micros" > "f_first_entry"."step_1_micros" THEN "f_events"."event_micros" ELSE NULL END) "step_2_micros"
  FROM "f_first_entry"
    LEFT JOIN "f_events" ON "f_first_entry"."key_user_id" = "f_events"."key_user_id" AND "f_first_entry"."key_title_id" = "f_events"."key_title_id" AND "f_first_entry"."key_session_id" = "f_events"."key_session_id" AND "f_first_entry"."step_1_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_first_entry"."step_1_micros" + 600000000
  GROUP BY "f_first_entry"."key_user_id", "f_first_entry"."key_title_id", "f_first_entry"."key_session_id", "f_first_entry"."step_1_order", "f_first_entry"."step_1_micros", "f_first_entry"."entry_time"
),
"f_step_3_play" AS (
  SELECT "f_step_2_detail"."key_user_id", "f_step_2_detail"."key_title_id", "f_step_2_detail"."key_session_id", "f_step_2_detail"."step_1_order", "f_step_2_detail"."step_1_micros", "f_step_2_detail"."entry_time", "f_step_2_detail"."step_2_order", "f_step_2_detail"."step_2_micros", MIN(CASE WHEN "f_events"."step_3" = 1 AND "f_events"."event_order" > "f_step_2_detail"."step_2_order" AND "f_events"."event_micros" > "f_step_2_detail"."step_2_micros" THEN "f_events"."event_order" ELSE NULL END) "step_3_order", MIN(CASE WHEN "f_events"."step_3" = 1 AND "f_events"."event_order" > "f_step_2_detail"."step_2_order" AND "f_events"."event_micros" > "f_step_2_detail"."step_2_micros" THEN "f_events"."event_micros" ELSE NULL END) "step_3_micros"
  FROM "f_step_2_detail"
    LEFT JOIN "f_events" ON "f_step_2_detail"."key_user_id" = "f_events"."key_user_id" AND "f_step_2_detail"."key_title_id" = "f_events"."key_title_id" AND "f_step_2_detail"."key_session_id" = "f_events"."key_session_id" AND "f_step_2_detail"."step_2_order" <= "f_events"."event_order" AND "f_events"."event_micros" <= "f_step_2_detail"."step_2_micros" + 600000000
  GROUP BY "f_step_2_detail"."key_user_id", "f_step_2_detail"."key_title_id", "f_step_2_detail"."key_session_id", "f_step_2_detail"."step_1_order", "f_step_2_detail"."step_1_micros", "f_step_2_detail"."entry_time", "f_step_2_detail"."step_2_order", "f_step_2_detail"."step_2_micros"
),
"f_levels" AS (
  SELECT "key_user_id", "key_title_id", "key_session_id", "step_1_order", "step_1_micros", "entry_time", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros", CASE WHEN "step_3_order" IS NOT NULL THEN 3 WHEN "step_2_order" IS NOT NULL THEN 2 WHEN "step_1_order" IS NOT NULL THEN 1 ELSE 0 END "level"
  FROM "f_step_3_play"
),
"f_keys" AS (
  SELECT "key_user_id", "key_title_id", "key_session_id"
  FROM "f_events"
  GROUP BY "key_user_id", "key_title_id", "key_session_id"
),
"f_attempts" AS (
  SELECT "f_keys"."key_user_id", "f_keys"."key_title_id", "f_keys"."key_session_id", "f_levels"."step_1_order", "f_levels"."step_1_micros", "f_levels"."entry_time", "f_levels"."step_2_order", "f_levels"."step_2_micros", "f_levels"."step_3_order", "f_levels"."step_3_micros", COALESCE("f_levels"."level", 0) "level"
  FROM "f_keys"
    LEFT JOIN "f_levels" ON "f_keys"."key_user_id" = "f_levels"."key_user_id" AND "f_keys"."key_title_id" = "f_levels"."key_title_id" AND "f_keys"."key_session_id" = "f_levels"."key_session_id"
)
SELECT "key_user_id" "user_id", "key_title_id" "title_id", "key_session_id" "session_id", "level" "furthest_step", CASE WHEN "level" = 1 THEN 'impression' WHEN "level" = 2 THEN 'detail' WHEN "level" = 3 THEN 'play' ELSE NULL END "furthest_step_name"
FROM "f_attempts"
