WITH "f_events" AS (
  SELECT "USER_ID" AS "key_user_id", "TITLE_ID" AS "key_title_id", "SESSION_ID" AS "key_session_id", "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros", CASE WHEN "EVENT_NAME" = 'impression' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "EVENT_NAME" = 'detail' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "EVENT_NAME" = 'play' THEN 1 ELSE 0 END AS "step_3"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "TITLE_ID" IS NOT NULL AND "SESSION_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL
),
"f_impression" AS (
  SELECT "USER_ID" AS "key_user_id", "TITLE_ID" AS "key_title_id", "SESSION_ID" AS "key_session_id", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', (MIN("OCCURRED_AT"))) AS "step_1_micros", MIN("OCCURRED_AT") AS "step_1_time", DATEADD(MICROSECOND, 600000000 , (MIN("OCCURRED_AT"))) AS "window_end"
  FROM "EVENTS"
  WHERE "EVENT_NAME" = 'impression'
  GROUP BY "USER_ID", "TITLE_ID", "SESSION_ID"
  HAVING "USER_ID" IS NOT NULL AND "TITLE_ID" IS NOT NULL AND "SESSION_ID" IS NOT NULL AND MIN("OCCURRED_AT") IS NOT NULL
),
"f_detail" AS (
  SELECT "f_impression"."key_user_id", "f_impression"."key_title_id", "f_impression"."key_session_id", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', (MIN("EVENTS"."OCCURRED_AT"))) AS "step_2_micros", MIN("EVENTS"."OCCURRED_AT") AS "step_2_time", DATEADD(MICROSECOND, 600000000 , (MIN("EVENTS"."OCCURRED_AT"))) AS "window_end"
  FROM "f_impression"
    INNER JOIN "EVENTS" ON "f_impression"."key_user_id" = "EVENTS"."USER_ID" AND "f_impression"."key_title_id" = "EVENTS"."TITLE_ID" AND "f_impression"."key_session_id" = "EVENTS"."SESSION_ID" AND "f_impression"."step_1_time" < "EVENTS"."OCCURRED_AT" AND "f_impression"."window_end" >= "EVENTS"."OCCURRED_AT"
  WHERE "EVENTS"."EVENT_NAME" = 'detail'
  GROUP BY "f_impression"."key_user_id", "f_impression"."key_title_id", "f_impression"."key_session_id"
),
"f_play" AS (
  SELECT "f_detail"."key_user_id", "f_detail"."key_title_id", "f_detail"."key_session_id", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', (MIN("EVENTS"."OCCURRED_AT"))) AS "step_3_micros", MIN("EVENTS"."OCCURRED_AT") AS "step_3_time"
  FROM "f_detail"
    INNER JOIN "EVENTS" ON "f_detail"."key_user_id" = "EVENTS"."USER_ID" AND "f_detail"."key_title_id" = "EVENTS"."TITLE_ID" AND "f_detail"."key_session_id" = "EVENTS"."SESSION_ID" AND "f_detail"."step_2_time" < "EVENTS"."OCCURRED_AT" AND "f_detail"."window_end" >= "EVENTS"."OCCURRED_AT"
  WHERE "EVENTS"."EVENT_NAME" = 'play'
  GROUP BY "f_detail"."key_user_id", "f_detail"."key_title_id", "f_detail"."key_session_id"
),
"f_keys" AS (
  SELECT "key_user_id", "key_title_id", "key_session_id"
  FROM "f_events"
  GROUP BY "key_user_id", "key_title_id", "key_session_id"
),
"f_attempts" AS (
  SELECT "f_keys"."key_user_id", "f_keys"."key_title_id", "f_keys"."key_session_id", "f_impression"."step_1_micros", "f_detail"."step_2_micros", "f_play"."step_3_micros", CASE WHEN "f_play"."step_3_micros" IS NOT NULL THEN 3 WHEN "f_detail"."step_2_micros" IS NOT NULL THEN 2 WHEN "f_impression"."step_1_micros" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_keys"
    LEFT JOIN "f_impression" ON "f_keys"."key_user_id" = "f_impression"."key_user_id" AND "f_keys"."key_title_id" = "f_impression"."key_title_id" AND "f_keys"."key_session_id" = "f_impression"."key_session_id"
    LEFT JOIN "f_detail" ON "f_keys"."key_user_id" = "f_detail"."key_user_id" AND "f_keys"."key_title_id" = "f_detail"."key_title_id" AND "f_keys"."key_session_id" = "f_detail"."key_session_id"
    LEFT JOIN "f_play" ON "f_keys"."key_user_id" = "f_play"."key_user_id" AND "f_keys"."key_title_id" = "f_play"."key_title_id" AND "f_keys"."key_session_id" = "f_play"."key_session_id"
)
SELECT "key_user_id" AS "user_id", "key_title_id" AS "title_id", "key_session_id" AS "session_id", "level" AS "furthest_step", CASE WHEN "level" = 1 THEN 'impression' WHEN "level" = 2 THEN 'detail' WHEN "level" = 3 THEN 'play' ELSE NULL END AS "furthest_step_name"
FROM "f_attempts"
