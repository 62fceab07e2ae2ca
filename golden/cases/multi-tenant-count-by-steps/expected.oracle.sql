WITH "f_events" AS (
  SELECT "ACCOUNT_ID" "key_account_id", "USER_ID" "key_user_id", "SESSION_ID" "key_session_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", ROW_NUMBER() OVER (PARTITION BY "ACCOUNT_ID", "USER_ID", "SESSION_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST) "event_order", CASE WHEN "EVENT_NAME" = 'a' THEN 1 ELSE 0 END "step_1", CASE WHEN "EVENT_NAME" = 'b' THEN 1 ELSE 0 END "step_2"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND ("ACCOUNT_ID" IS NOT NULL AND "USER_ID" IS NOT NULL) AND ("SESSION_ID" IS NOT NULL AND ("EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'a' OR "EVENT_NAME" = 'b')))
),
"f_chain" AS (
  SELECT "key_account_id", "key_user_id", "key_session_id", "event_time", "event_micros", "event_order", "step_1", "step_2", MAX(CASE WHEN "step_1" = 1 THEN "event_order" ELSE NULL END) OVER (PARTITION BY "key_account_id", "key_user_id", "key_session_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "chain_1_step_1_order", MAX(CASE WHEN "step_1" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_account_id", "key_user_id", "key_session_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "chain_1_step_1_micros"
  FROM "f_events"
),
"f_chains" AS (
  SELECT "key_account_id", "key_user_id", "key_session_id", MIN(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "chain_1_step_1_order" ELSE NULL END) "chain_2_step_1_order", MIN(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "chain_1_step_1_micros" ELSE NULL END) "chain_2_step_1_micros", MIN(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "event_order" ELSE NULL END) "chain_2_step_2_order", MIN(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "event_micros" ELSE NULL END) "chain_2_step_2_micros", MAX("chain_1_step_1_order") "chain_1_step_1_order", MAX("chain_1_step_1_micros") "chain_1_step_1_micros"
  FROM "f_chain"
  GROUP BY "key_account_id", "key_user_id", "key_session_id"
),
"f_levels" AS (
  SELECT "key_account_id", "key_user_id", "key_session_id", "chain_2_step_1_order", "chain_2_step_1_micros", "chain_2_step_2_order", "chain_2_step_2_micros", "chain_1_step_1_order", "chain_1_step_1_micros", CASE WHEN "chain_2_step_2_order" IS NOT NULL THEN 2 WHEN "chain_1_step_1_order" IS NOT NULL THEN 1 ELSE 0 END "level"
  FROM "f_chains"
),
"f_attempts" AS (
  SELECT "key_account_id", "key_user_id", "key_session_id", "level", CASE WHEN "level" = 1 THEN "chain_1_step_1_order" WHEN "level" = 2 THEN "chain_2_step_1_order" ELSE NULL END "step_1_order", CASE WHEN "level" = 1 THEN "chain_1_step_1_micros" WHEN "level" = 2 THEN "chain_2_step_1_micros" ELSE NULL END "step_1_micros", CASE WHEN "level" = 2 THEN "chain_2_step_2_order" ELSE NULL END "step_2_order", CASE WHEN "level" = 2 THEN "chain_2_step_2_micros" ELSE NULL END "step_2_micros"
  FROM "f_levels"
),
"f_reached" AS (
  SELECT SUM(CASE WHEN "level" >= 1 THEN 1 ELSE 0 END) "reached_1", SUM(CASE WHEN "level" >= 2 THEN 1 ELSE 0 END) "reached_2"
  FROM "f_attempts"
  WHERE "level" >= 1
),
"f_step_counts" AS (
  SELECT 1 "step", 'a' "name", COALESCE("reached_1", 0) "count", CAST(NULL AS NUMBER(10)) "previous_count", CAST(NULL AS NUMBER(10)) "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 2 "step", 'b' "name", COALESCE("reached_2", 0) "count", COALESCE("reached_1", 0) "previous_count", COALESCE("reached_1", 0) "first_count"
  FROM "f_reached"
)
SELECT "step", "name", "count", CAST(TRUNC((20000 * "count" + "previous_count") / (NULLIF(2 * "previous_count", 0))) AS DOUBLE PRECISION) / 1.000E2 "conversion_from_previous", CAST(TRUNC((20000 * "count" + "first_count") / (NULLIF(2 * "first_count", 0))) AS DOUBLE PRECISION) / 1.000E2 "conversion_from_first"
FROM "f_step_counts"
