WITH "s_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", ROW_NUMBER() OVER (PARTITION BY "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST) "event_order", CASE WHEN "EVENT_NAME" = 'a' THEN 1 ELSE 0 END "condition_1", CASE WHEN "EVENT_NAME" = 'b' THEN 1 ELSE 0 END "condition_2", CASE WHEN "EVENT_NAME" = 'c' THEN 1 ELSE 0 END "condition_3"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL
),
"s_stored_events" AS (
  SELECT "key_user_id", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_order") "event_number", COUNT(*) OVER (PARTITION BY "key_user_id" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) "stored_events", "event_micros", "event_time", "condition_1", "condition_2", "condition_3"
  FROM "s_events"
  WHERE "condition_1" = 1 OR "condition_2" = 1 OR "condition_3" = 1
),
"s_steps_3_to_3" AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "event_time", "condition_1", "condition_2", "condition_3", CASE WHEN "condition_2" = 1 THEN CASE WHEN "event_number" + 1 <= "stored_events" THEN CAST(LEAD("event_number", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_number") AS NUMBER(19)) WHEN "event_number" + 1 = "stored_events" + 1 THEN CAST("stored_events" + 1 AS NUMBER(19)) ELSE CAST(NULL AS NUMBER(19)) END ELSE NULL END "end_3"
  FROM "s_stored_events"
),
"s_step_2_frames" AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "event_time", "condition_1", "condition_2", "condition_3", "end_3", MIN(CASE WHEN "end_3" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS NUMBER(19)) + "end_3" AS NUMBER(19)) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN 10000001 FOLLOWING AND UNBOUNDED FOLLOWING) "frame_2_0"
  FROM "s_steps_3_to_3"
),
"s_step_2" AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "event_time", "condition_1", "condition_2", "condition_3", CAST((LAG("frame_2_0") OVER (PARTITION BY "key_user_id" ORDER BY "event_number")) - CAST(TRUNC((LAG("frame_2_0") OVER (PARTITION BY "key_user_id" ORDER BY "event_number")) / (CAST(4294967296 AS NUMBER(19)))) AS NUMBER(19)) * CAST(4294967296 AS NUMBER(19)) AS NUMBER(19)) "end_2", CAST(CAST(TRUNC((LAG("frame_2_0") OVER (PARTITION BY "key_user_id" ORDER BY "event_number")) / (CAST(4294967296 AS NUMBER(19)))) AS NUMBER(19)) AS NUMBER(19)) "lands_2"
  FROM "s_step_2_frames"
),
"s_steps_1_to_1" AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "event_time", "condition_1", "condition_2", "condition_3", "lands_2", CASE WHEN "condition_1" = 1 THEN CASE WHEN "event_number" + 1 <= "stored_events" THEN CAST(LEAD("end_2", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_number") AS NUMBER(19)) ELSE CAST(NULL AS NUMBER(19)) END ELSE NULL END "end_1"
  FROM "s_step_2"
),
"s_step_0" AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "event_time", "condition_1", "condition_2", "condition_3", "lands_2", CAST((MIN(CASE WHEN "end_1" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS NUMBER(19)) + "end_1" AS NUMBER(19)) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) - CAST(TRUNC((MIN(CASE WHEN "end_1" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS NUMBER(19)) + "end_1" AS NUMBER(19)) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) / (CAST(4294967296 AS NUMBER(19)))) AS NUMBER(19)) * CAST(4294967296 AS NUMBER(19)) AS NUMBER(19)) "end_0", CAST(CAST(TRUNC((MIN(CASE WHEN "end_1" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS NUMBER(19)) + "end_1" AS NUMBER(19)) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) / (CAST(4294967296 AS NUMBER(19)))) AS NUMBER(19)) AS NUMBER(19)) "lands_0"
  FROM "s_steps_1_to_1"
),
"s_match_path_0" AS (
  SELECT "key_user_id", "lands_0" "position"
  FROM "s_step_0"
  WHERE "event_number" = 1 AND "end_0" IS NOT NULL
),
"s_match_path_2" AS (
  SELECT "t"."key_user_id", "t"."taken_1", "s_step_0"."lands_2" "position"
  FROM (SELECT "key_user_id", "position" "taken_1", CAST("position" + 1 AS NUMBER(19)) "position"
      FROM "s_match_path_0") "t"
    INNER JOIN "s_step_0" ON "t"."key_user_id" = "s_step_0"."key_user_id" AND "t"."position" = "s_step_0"."event_number"
),
"s_match_events" AS (
  SELECT "key_user_id", "taken_1", "position" "taken_2", CAST("position" + 1 AS NUMBER(19)) "position"
  FROM "s_match_path_2"
)
SELECT "s_step_0"."key_user_id" "user_id", CAST(CASE WHEN "s_step_0"."event_number" = "s_match_events"."taken_1" THEN 1 WHEN "s_step_0"."event_number" = "s_match_events"."taken_2" THEN 2 ELSE CAST(NULL AS NUMBER(19)) END AS NUMBER(19)) "pattern_step", CASE WHEN "s_step_0"."event_number" = "s_match_events"."taken_1" THEN 'a' WHEN "s_step_0"."event_number" = "s_match_events"."taken_2" THEN 'b' ELSE NULL END "condition", "s_step_0"."event_time"
FROM "s_step_0"
  INNER JOIN "s_match_events" ON "s_step_0"."key_user_id" = "s_match_events"."key_user_id"
WHERE "s_step_0"."event_number" = "s_match_events"."taken_1" OR "s_step_0"."event_number" = "s_match_events"."taken_2"
