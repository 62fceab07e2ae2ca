WITH "f_events" AS (
  SELECT "USER_ID" AS "key_user_id", "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST) AS "event_order", CASE WHEN "EVENT_NAME" = 'a' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "EVENT_NAME" = 'b' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "EVENT_NAME" = 'c' THEN 1 ELSE 0 END AS "step_3"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'a' OR "EVENT_NAME" = 'b' OR "EVENT_NAME" = 'c')
),
"f_chain" AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "step_1", "step_2", "step_3", MAX(CASE WHEN "step_1" = 1 THEN "event_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_1_step_1_order", MAX(CASE WHEN "step_1" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_1_step_1_micros"
  FROM "f_events"
),
"f_chain_2" AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "step_1", "step_2", "step_3", "chain_1_step_1_order", "chain_1_step_1_micros", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "chain_1_step_1_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_2_step_1_order", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "chain_1_step_1_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_2_step_1_micros", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "event_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_2_step_2_order", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_2_step_2_micros"
  FROM "f_chain"
),
"f_chains" AS (
  SELECT "key_user_id", MIN(CASE WHEN "step_3" = 1 AND "chain_2_step_2_micros" IS NOT NULL AND "event_micros" <= "chain_2_step_1_micros" + 3600000000 THEN "chain_2_step_1_order" ELSE NULL END) AS "chain_3_step_1_order", MIN(CASE WHEN "step_3" = 1 AND "chain_2_step_2_micros" IS NOT NULL AND "event_micros" <= "chain_2_step_1_micros" + 3600000000 THEN "chain_2_step_1_micros" ELSE NULL END) AS "chain_3_step_1_micros", MIN(CASE WHEN "step_3" = 1 AND "chain_2_step_2_micros" IS NOT NULL AND "event_micros" <= "chain_2_step_1_micros" + 3600000000 THEN "event_order" ELSE NULL END) AS "chain_3_step_3_order", MIN(CASE WHEN "step_3" = 1 AND "chain_2_step_2_micros" IS NOT NULL AND "event_micros" <= "chain_2_step_1_micros" + 3600000000 THEN "event_micros" ELSE NULL END) AS "chain_3_step_3_micros", MAX("chain_1_step_1_order") AS "chain_1_step_1_order", MAX("chain_1_step_1_micros") AS "chain_1_step_1_micros", MAX("chain_2_step_1_order") AS "chain_2_step_1_order", MAX("chain_2_step_1_micros") AS "chain_2_step_1_micros", MAX("chain_2_step_2_order") AS "chain_2_step_2_order", MAX("chain_2_step_2_micros") AS "chain_2_step_2_micros"
  FROM "f_chain_2"
  GROUP BY "key_user_id"
),
"f_levels" AS (
  SELECT "key_user_id", "chain_3_step_1_order", "chain_3_step_1_micros", "chain_3_step_3_order", "chain_3_step_3_micros", "chain_1_step_1_order", "chain_1_step_1_micros", "chain_2_step_1_order", "chain_2_step_1_micros", "chain_2_step_2_order", "chain_2_step_2_micros", CASE WHEN "chain_3_step_3_order" IS NOT NULL THEN 3 WHEN "chain_2_step_2_order" IS NOT NULL THEN 2 WHEN "chain_1_step_1_order" IS NOT NULL THEN 1 ELSE 0 END AS "level"
  FROM "f_chains"
),
"f_attempts" AS (
  SELECT "key_user_id", "level", CASE WHEN "level" = 1 THEN "chain_1_step_1_order" WHEN "level" = 2 THEN "chain_2_step_1_order" WHEN "level" = 3 THEN "chain_3_step_1_order" ELSE NULL END AS "step_1_order", CASE WHEN "level" = 1 THEN "chain_1_step_1_micros" WHEN "level" = 2 THEN "chain_2_step_1_micros" WHEN "level" = 3 THEN "chain_3_step_1_micros" ELSE NULL END AS "step_1_micros", CASE WHEN "level" = 2 THEN "chain_2_step_2_order" ELSE NULL END AS "step_2_order", CASE WHEN "level" = 2 THEN "chain_2_step_2_micros" ELSE NULL END AS "step_2_micros", CASE WHEN "level" = 3 THEN "chain_3_step_3_order" ELSE NULL END AS "step_3_order", CASE WHEN "level" = 3 THEN "chain_3_step_3_micros" ELSE NULL END AS "step_3_micros"
  FROM "f_levels"
),
"f_reached" AS (
  SELECT SUM(CASE WHEN "level" >= 1 THEN 1 ELSE 0 END) AS "reached_1", SUM(CASE WHEN "level" >= 2 THEN 1 ELSE 0 END) AS "reached_2", SUM(CASE WHEN "level" >= 3 THEN 1 ELSE 0 END) AS "reached_3"
  FROM "f_attempts"
  WHERE "level" >= 1
),
"f_step_counts" AS (
  SELECT 1 AS "step", 'a' AS "name", COALESCE("reached_1", 0) AS "count", CAST(NULL AS INTEGER) AS "previous_count", CAST(NULL AS INTEGER) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 2 AS "step", 'b' AS "name", COALESCE("reached_2", 0) AS "count", COALESCE("reached_1", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 3 AS "step", 'c' AS "name", COALESCE("reached_3", 0) AS "count", COALESCE("reached_2", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
)
SELECT "step", "name", "count", CAST((CAST((20000 * "count" + "previous_count") AS BIGINT) / CAST((NULLIF(2 * "previous_count", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "conversion_from_previous", CAST((CAST((20000 * "count" + "first_count") AS BIGINT) / CAST((NULLIF(2 * "first_count", 0)) AS BIGINT)) AS DOUBLE) / 1.000E2 AS "conversion_from_first"
FROM "f_step_counts"
