WITH "f_events" AS (
  SELECT "USER_ID" "key_user_id", "TITLE_ID" "key_title_id", "SESSION_ID" "key_session_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", CASE WHEN "EVENT_NAME" = 'impression' THEN 1 ELSE 0 END "step_1", CASE WHEN "EVENT_NAME" = 'detail' THEN 1 ELSE 0 END "step_2", CASE WHEN "EVENT_NAME" = 'play' THEN 1 ELSE 0 END "step_3"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "TITLE_ID" IS NOT NULL AND "SESSION_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL
),
"f_impression" AS (
  SELECT "USER_ID" "key_user_id", "TITLE_ID" "key_title_id", "SESSION_ID" "key_session_id", MIN(((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19)))) "step_1_micros"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "TITLE_ID" IS NOT NULL AND "SESSION_ID" IS NOT NULL AND "EVENT_NAME" = 'impression'
  GROUP BY "USER_ID", "TITLE_ID", "SESSION_ID"
),
"f_detail" AS (
  SELECT "f_impression"."key_user_id", "f_impression"."key_title_id", "f_impression"."key_session_id", MIN("t0"."event_micros") "step_2_micros"
  FROM "f_impression"
    INNER JOIN (SELECT "USER_ID" "key_user_id", "TITLE_ID" "key_title_id", "SESSION_ID" "key_session_id", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", "OCCURRED_AT" "event_time"
      FROM "EVENTS"
      WHERE "EVENT_NAME" = 'detail') "t0" ON "f_impression"."key_user_id" = "t0"."key_user_id" AND "f_impression"."key_title_id" = "t0"."key_title_id" AND "f_impression"."key_session_id" = "t0"."key_session_id" AND "f_impression"."step_1_micros" < "t0"."event_micros" AND "t0"."event_micros" <= "f_impression"."step_1_micros" + 600000000
  GROUP BY "f_impression"."key_user_id", "f_impression"."key_title_id", "f_impression"."key_session_id"
),
"f_play" AS (
  SELECT "f_detail"."key_user_id", "f_detail"."key_title_id", "f_detail"."key_session_id", MIN("t0"."event_micros") "step_3_micros"
  FROM "f_detail"
    INNER JOIN (SELECT "USER_ID" "key_user_id", "TITLE_ID" "key_title_id", "SESSION_ID" "key_session_id", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", "OCCURRED_AT" "event_time"
      FROM "EVENTS"
      WHERE "EVENT_NAME" = 'play') "t0" ON "f_detail"."key_user_id" = "t0"."key_user_id" AND "f_detail"."key_title_id" = "t0"."key_title_id" AND "f_detail"."key_session_id" = "t0"."key_session_id" AND "f_detail"."step_2_micros" < "t0"."event_micros" AND "t0"."event_micros" <= "f_detail"."step_2_micros" + 600000000
  GROUP BY "f_detail"."key_user_id", "f_detail"."key_title_id", "f_detail"."key_session_id"
),
"f_keys" AS (
  SELECT "key_user_id", "key_title_id", "key_session_id"
  FROM "f_events"
  GROUP BY "key_user_id", "key_title_id", "key_session_id"
),
"f_attempts" AS (
  SELECT "f_keys"."key_user_id", "f_keys"."key_title_id", "f_keys"."key_session_id", "f_impression"."step_1_micros", "f_detail"."step_2_micros", "f_play"."step_3_micros", CASE WHEN "f_play"."step_3_micros" IS NOT NULL THEN 3 WHEN "f_detail"."step_2_micros" IS NOT NULL THEN 2 WHEN "f_impression"."step_1_micros" IS NOT NULL THEN 1 ELSE 0 END "level"
  FROM "f_keys"
    LEFT JOIN "f_impression" ON "f_keys"."key_user_id" = "f_impression"."key_user_id" AND "f_keys"."key_title_id" = "f_impression"."key_title_id" AND "f_keys"."key_session_id" = "f_impression"."key_session_id"
    LEFT JOIN "f_detail" ON "f_keys"."key_user_id" = "f_detail"."key_user_id" AND "f_keys"."key_title_id" = "f_detail"."key_title_id" AND "f_keys"."key_session_id" = "f_detail"."key_session_id"
    LEFT JOIN "f_play" ON "f_keys"."key_user_id" = "f_play"."key_user_id" AND "f_keys"."key_title_id" = "f_play"."key_title_id" AND "f_keys"."key_session_id" = "f_play"."key_session_id"
)
SELECT "key_user_id" "user_id", "key_title_id" "title_id", "key_session_id" "session_id", "level" "furthest_step", CASE WHEN "level" = 1 THEN 'impression' WHEN "level" = 2 THEN 'detail' WHEN "level" = 3 THEN 'play' ELSE NULL END "furthest_step_name"
FROM "f_attempts"
