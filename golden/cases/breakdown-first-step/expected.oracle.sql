WITH "f_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", ROW_NUMBER() OVER (PARTITION BY "USER_ID" ORDER BY "OCCURRED_AT", "EVENT_NAME" NULLS FIRST, "PLATFORM" NULLS FIRST) "event_order", CASE WHEN "EVENT_NAME" = 'view' THEN 1 ELSE 0 END "step_1", CASE WHEN "EVENT_NAME" = 'cart' THEN 1 ELSE 0 END "step_2", CASE WHEN "EVENT_NAME" = 'buy' THEN 1 ELSE 0 END "step_3", "PLATFORM" "breakdown_value"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'view' OR "EVENT_NAME" = 'cart' OR "EVENT_NAME" = 'buy')
),
"f_chain" AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "step_1", "step_2", "step_3", "breakdown_value", MAX(CASE WHEN "step_1" = 1 THEN "event_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "chain_1_step_1_order", MAX(CASE WHEN "step_1" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "chain_1_step_1_micros"
  FROM "f_events"
),
"f_chain_2" AS (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "step_1", "step_2", "step_3", "breakdown_value", "chain_1_step_1_order", "chain_1_step_1_micros", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "chain_1_step_1_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "chain_2_step_1_order", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "chain_1_step_1_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "chain_2_step_1_micros", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "event_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "chain_2_step_2_order", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) "chain_2_step_2_micros"
  FROM "f_chain"
),
"f_chains" AS (
  SELECT "key_user_id", MIN(CASE WHEN "step_3" = 1 AND "chain_2_step_2_micros" IS NOT NULL AND "event_micros" <= "chain_2_step_1_micros" + 3600000000 THEN "chain_2_step_1_order" ELSE NULL END) "chain_3_step_1_order", MIN(CASE WHEN "step_3" = 1 AND "chain_2_step_2_micros" IS NOT NULL AND "event_micros" <= "chain_2_step_1_micros" + 3600000000 THEN "chain_2_step_1_micros" ELSE NULL END) "chain_3_step_1_micros", MIN(CASE WHEN "step_3" = 1 AND "chain_2_step_2_micros" IS NOT NULL AND "event_micros" <= "chain_2_step_1_micros" + 3600000000 THEN "event_order" ELSE NULL END) "chain_3_step_3_order", MIN(CASE WHEN "step_3" = 1 AND "chain_2_step_2_micros" IS NOT NULL AND "event_micros" <= "chain_2_step_1_micros" + 3600000000 THEN "event_micros" ELSE NULL END) "chain_3_step_3_micros", MAX("chain_1_step_1_order") "chain_1_step_1_order", MAX("chain_1_step_1_micros") "chain_1_step_1_micros", MAX("chain_2_step_1_order") "chain_2_step_1_order", MAX("chain_2_step_1_micros") "chain_2_step_1_micros", MAX("chain_2_step_2_order") "chain_2_step_2_order", MAX("chain_2_step_2_micros") "chain_2_step_2_micros"
  FROM "f_chain_2"
  GROUP BY "key_user_id"
),
"f_levels" AS (
  SELECT "key_user_id", "chain_3_step_1_order", "chain_3_step_1_micros", "chain_3_step_3_order", "chain_3_step_3_micros", "chain_1_step_1_order", "chain_1_step_1_micros", "chain_2_step_1_order", "chain_2_step_1_micros", "chain_2_step_2_order", "chain_2_step_2_micros", CASE WHEN "chain_3_step_3_order" IS NOT NULL THEN 3 WHEN "chain_2_step_2_order" IS NOT NULL THEN 2 WHEN "chain_1_step_1_order" IS NOT NULL THEN 1 ELSE 0 END "level"
  FROM "f_chains"
),
"f_attempts" AS (
  SELECT "key_user_id", "level", CASE WHEN "level" = 1 THEN "chain_1_step_1_order" WHEN "level" = 2 THEN "chain_2_step_1_order" WHEN "level" = 3 THEN "chain_3_step_1_order" ELSE NULL END "step_1_order", CASE WHEN "level" = 1 THEN "chain_1_step_1_micros" WHEN "level" = 2 THEN "chain_2_step_1_micros" WHEN "level" = 3 THEN "chain_3_step_1_micros" ELSE NULL END "step_1_micros", CASE WHEN "level" = 2 THEN "chain_2_step_2_order" ELSE NULL END "step_2_order", CASE WHEN "level" = 2 THEN "chain_2_step_2_micros" ELSE NULL END "step_2_micros", CASE WHEN "level" = 3 THEN "chain_3_step_3_order" ELSE NULL END "step_3_order", CASE WHEN "level" = 3 THEN "chain_3_step_3_micros" ELSE NULL END "step_3_micros"
  FROM "f_levels"
),
"f_breakdown" AS (
  SELECT "t"."key_user_id", "t"."level", "t"."step_1_order", "t"."step_1_micros", "t"."step_2_order", "t"."step_2_micros", "t"."step_3_order", "t"."step_3_micros", "f_events"."breakdown_value"
  FROM (SELECT "key_user_id", "level", "step_1_order", "step_1_micros", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros", CASE WHEN "level" >= 1 THEN "step_1_order" ELSE NULL END "attributed_order"
      FROM "f_attempts") "t"
    LEFT JOIN "f_events" ON "t"."key_user_id" = "f_events"."key_user_id" AND "t"."attributed_order" = "f_events"."event_order"
),
"f_reached" AS (
  SELECT "breakdown_value", SUM(CASE WHEN "level" >= 1 THEN 1 ELSE 0 END) "reached_1", SUM(CASE WHEN "level" >= 2 THEN 1 ELSE 0 END) "reached_2", SUM(CASE WHEN "level" >= 3 THEN 1 ELSE 0 END) "reached_3"
  FROM "f_breakdown"
  WHERE "level" >= 1
  GROUP BY "breakdown_value"
),
"f_step_counts" AS (
  SELECT "breakdown_value" "platform", 1 "step", 'view' "name", COALESCE("reached_1", 0) "count", CAST(NULL AS NUMBER(10)) "previous_count", CAST(NULL AS NUMBER(10)) "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT "breakdown_value" "platform", 2 "step", 'cart' "name", COALESCE("reached_2", 0) "count", COALESCE("reached_1", 0) "previous_count", COALESCE("reached_1", 0) "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT "breakdown_value" "platform", 3 "step", 'buy' "name", COALESCE("reached_3", 0) "count", COALESCE("reached_2", 0) "previous_count", COALESCE("reached_1", 0) "first_count"
  FROM "f_reached"
)
SELECT "platform", "step", "name", "count", CAST(TRUNC((20000 * "count" + "previous_count") / (NULLIF(2 * "previous_count", 0))) AS DOUBLE PRECISION) / 1.000E2 "conversion_from_previous", CAST(TRUNC((20000 * "count" + "first_count") / (NULLIF(2 * "first_count", 0))) AS DOUBLE PRECISION) / 1.000E2 "conversion_from_first"
FROM "f_step_counts"
