WITH "s_events" ("key_user_id", "event_time", "event_micros", "event_order", "condition_1", "condition_2", "condition_3") AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", ROW_NUMBER() OVER (PARTITION BY "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST) "event_order", CASE WHEN "EVENT_NAME" = 'a' THEN 1 ELSE 0 END "condition_1", CASE WHEN "EVENT_NAME" = 'b' THEN 1 ELSE 0 END "condition_2", CASE WHEN "EVENT_NAME" = 'c' THEN 1 ELSE 0 END "condition_3"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL
),
"s_stored_events" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3") AS (
  SELECT "key_user_id", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_order") "event_number", COUNT(*) OVER (PARTITION BY "key_user_id" ORDER BY "event_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) "stored_events", "event_micros", "condition_1", "condition_2", "condition_3"
  FROM "s_events"
  WHERE "condition_1" = 1 OR "condition_2" = 1 OR "condition_3" = 1
),
"s_steps_3_to_3" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", "end_3") AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", CASE WHEN "condition_2" = 1 THEN CASE WHEN "event_number" + 1 <= "stored_events" THEN CAST(LEAD("event_number", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_number") AS NUMBER(19)) WHEN "event_number" + 1 = "stored_events" + 1 THEN CAST("stored_events" + 1 AS NUMBER(19)) ELSE CAST(NULL AS NUMBER(19)) END ELSE NULL END "end_3"
  FROM "s_stored_events"
),
"s_step_2_frames" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", "end_3", "frame_2_0") AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", "end_3", MIN(CASE WHEN "end_3" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS NUMBER(19)) + "end_3" AS NUMBER(19)) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN 10000001 FOLLOWING AND UNBOUNDED FOLLOWING) "frame_2_0"
  FROM "s_steps_3_to_3"
),
"s_step_2" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", "end_2") AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", CAST((LAG("frame_2_0") OVER (PARTITION BY "key_user_id" ORDER BY "event_number")) - CAST(TRUNC((LAG("frame_2_0") OVER (PARTITION BY "key_user_id" ORDER BY "event_number")) / (CAST(4294967296 AS NUMBER(19)))) AS NUMBER(19)) * CAST(4294967296 AS NUMBER(19)) AS NUMBER(19)) "end_2"
  FROM "s_step_2_frames"
),
"s_steps_1_to_1" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", "end_1") AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", CASE WHEN "condition_1" = 1 THEN CASE WHEN "event_number" + 1 <= "stored_events" THEN CAST(LEAD("end_2", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_number") AS NUMBER(19)) ELSE CAST(NULL AS NUMBER(19)) END ELSE NULL END "end_1"
  FROM "s_step_2"
),
"s_step_0" ("key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", "end_0") AS (
  SELECT "key_user_id", "event_number", "stored_events", "event_micros", "condition_1", "condition_2", "condition_3", CAST((MIN(CASE WHEN "end_1" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS NUMBER(19)) + "end_1" AS NUMBER(19)) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) - CAST(TRUNC((MIN(CASE WHEN "end_1" IS NOT NULL THEN CAST("event_number" * CAST(4294967296 AS NUMBER(19)) + "end_1" AS NUMBER(19)) ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" DESC ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) / (CAST(4294967296 AS NUMBER(19)))) AS NUMBER(19)) * CAST(4294967296 AS NUMBER(19)) AS NUMBER(19)) "end_0"
  FROM "s_steps_1_to_1"
),
"s_match_ends" ("key_user_id", "event_number", "match_end", "next_start") AS (
  SELECT *
  FROM (SELECT "key_user_id", "event_number", "end_0" "match_end", CASE WHEN "end_0" = "event_number" THEN "event_number" + 1 ELSE "end_0" END "next_start"
      FROM "s_step_0") "t"
  WHERE "match_end" IS NOT NULL
),
"s_match_starts" ("key_user_id", "event_number", "match_end", "next_start") AS (
  SELECT "s_match_ends"."key_user_id", "s_match_ends"."event_number", "s_match_ends"."match_end", "s_match_ends"."next_start"
  FROM "s_match_ends"
    INNER JOIN (SELECT "key_user_id", "next_start"
      FROM "s_match_ends"
      GROUP BY "key_user_id", "next_start") "t" ON "s_match_ends"."key_user_id" = "t"."key_user_id" AND "s_match_ends"."event_number" = "t"."next_start"
),
"s_match_walk" ("key_user_id", "next_start", "matches") AS (
  SELECT "key_user_id", CAST("next_start" AS NUMBER(19)) "next_start", CAST(1 AS NUMBER(19)) "matches"
  FROM "s_match_ends"
  WHERE "event_number" = 1
  UNION ALL
  SELECT "s_match_walk"."key_user_id", CAST("s_match_starts"."next_start" AS NUMBER(19)) "next_start", CAST("s_match_walk"."matches" + 1 AS NUMBER(19)) "matches"
  FROM "s_match_starts"
    INNER JOIN "s_match_walk" ON "s_match_starts"."key_user_id" = "s_match_walk"."key_user_id" AND "s_match_starts"."event_number" = "s_match_walk"."next_start"
),
"s_per_key" ("key_user_id", "stored_events", "match_end", "matches") AS (
  SELECT "key_user_id", SUM("stored_events") "stored_events", MAX("match_end") "match_end", MAX("matches") "matches"
  FROM (SELECT "key_user_id", CAST(CASE WHEN "condition_1" = 1 OR "condition_2" = 1 OR "condition_3" = 1 THEN 1 ELSE 0 END AS NUMBER(19)) "stored_events", CAST(NULL AS NUMBER(19)) "match_end", CAST(0 AS NUMBER(19)) "matches"
        FROM "s_events"
        UNION ALL
        SELECT "key_user_id", CAST(0 AS NUMBER(19)) "stored_events", CAST("match_end" AS NUMBER(19)) "match_end", CAST(0 AS NUMBER(19)) "matches"
        FROM "s_match_ends"
        WHERE "event_number" = 1
        UNION ALL
        SELECT "key_user_id", CAST(0 AS NUMBER(19)) "stored_events", CAST(NULL AS NUMBER(19)) "match_end", CAST("matches" AS NUMBER(19)) "matches"
        FROM "s_match_walk") "t3"
  GROUP BY "key_user_id"
)
SELECT "key_user_id" "user_id", CASE WHEN "stored_events" = 0 THEN 0 WHEN "match_end" IS NOT NULL THEN 1 ELSE 0 END "matched", CAST("matches" AS NUMBER(19)) "matches"
FROM "s_per_key"
