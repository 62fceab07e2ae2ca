WITH "f_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CAST(EXTRACT(EPOCH FROM "occurred_at" ) * 1000000 AS BIGINT) AS "event_micros", ROW_NUMBER() OVER (PARTITION BY "user_id" ORDER BY "occurred_at", "event_name" COLLATE "C" NULLS FIRST, "platform" COLLATE "C" NULLS FIRST) AS "event_order", CASE WHEN "event_name" = 'view' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'cart' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "event_name" = 'buy' THEN 1 ELSE 0 END AS "step_3", "platform" AS "breakdown_value"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL AND ("event_name" = 'view' OR "event_name" = 'cart' OR "event_name" = 'buy')
),
"f_chain" AS NOT MATERIALIZED (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "step_1", "step_2", "step_3", "breakdown_value", MAX(CASE WHEN "step_1" = 1 THEN "event_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_1_step_1_order", MAX(CASE WHEN "step_1" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_1_step_1_micros"
  FROM "f_events"
),
"f_chain_2" AS NOT MATERIALIZED (
  SELECT "key_user_id", "event_time", "event_micros", "event_order", "step_1", "step_2", "step_3", "breakdown_value", "chain_1_step_1_order", "chain_1_step_1_micros", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "chain_1_step_1_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_2_step_1_order", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "chain_1_step_1_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_2_step_1_micros", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "event_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_2_step_2_order", MAX(CASE WHEN "step_2" = 1 AND "chain_1_step_1_micros" IS NOT NULL AND "event_micros" <= "chain_1_step_1_micros" + 3600000000 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "chain_2_step_2_micros"
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
"f_breakdown" AS (
  SELECT "t"."key_user_id", "t"."level", "t"."step_1_order", "t"."step_1_micros", "t"."step_2_order", "t"."step_2_micros", "t"."step_3_order", "t"."step_3_micros", "f_events"."breakdown_value"
  FROM (SELECT "key_user_id", "level", "step_1_order", "step_1_micros", "step_2_order", "step_2_micros", "step_3_order", "step_3_micros", CASE WHEN "level" >= 1 THEN "step_1_order" ELSE NULL END AS "attributed_order"
      FROM "f_attempts") AS "t"
    LEFT JOIN "f_events" ON "t"."key_user_id" = "f_events"."key_user_id" AND "t"."attributed_order" = "f_events"."event_order"
),
"f_reached" AS (
  SELECT "breakdown_value", SUM(CASE WHEN "level" >= 1 THEN 1 ELSE 0 END) AS "reached_1", SUM(CASE WHEN "level" >= 2 THEN 1 ELSE 0 END) AS "reached_2", SUM(CASE WHEN "level" >= 3 THEN 1 ELSE 0 END) AS "reached_3"
  FROM "f_breakdown"
  WHERE "level" >= 1
  GROUP BY "breakdown_value"
),
"f_step_counts" AS (
  SELECT "breakdown_value" AS "platform", 1 AS "step", 'view' AS "name", COALESCE("reached_1", 0) AS "count", CAST(NULL AS INTEGER) AS "previous_count", CAST(NULL AS INTEGER) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT "breakdown_value" AS "platform", 2 AS "step", 'cart' AS "name", COALESCE("reached_2", 0) AS "count", COALESCE("reached_1", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT "breakdown_value" AS "platform", 3 AS "step", 'buy' AS "name", COALESCE("reached_3", 0) AS "count", COALESCE("reached_2", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
)
SELECT "platform", "step", "name", "count", CAST((CAST((20000 * "count" + "previous_count") AS BIGINT) / CAST((NULLIF(2 * "previous_count", 0)) AS BIGINT)) AS DOUBLE PRECISION) / 1.000E2 AS "conversion_from_previous", CAST((CAST((20000 * "count" + "first_count") AS BIGINT) / CAST((NULLIF(2 * "first_count", 0)) AS BIGINT)) AS DOUBLE PRECISION) / 1.000E2 AS "conversion_from_first"
FROM "f_step_counts"
