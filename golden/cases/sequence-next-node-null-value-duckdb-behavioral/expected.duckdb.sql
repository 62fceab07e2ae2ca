WITH "s_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CASE WHEN "event_name" = 'home' THEN 1 ELSE 0 END AS "condition_1", CASE WHEN "platform" = 'web' THEN 1 ELSE 0 END AS "base_condition", "page" AS "node_value"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL
),
"s_node_events" AS MATERIALIZED (
  SELECT "key_user_id", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "node_value" NULLS FIRST, "base_condition", CAST("condition_1" * 1 AS BIGINT)) AS "event_number", "node_value", "base_condition", "condition_1"
  FROM "s_events"
),
"s_node_bases" AS MATERIALIZED (
  SELECT "key_user_id", "node"
  FROM (SELECT "key_user_id", CASE WHEN "event_number" = (MIN(CASE WHEN "condition_1" = 1 AND "base_condition" = 1 THEN "event_number" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) AND "condition_1" = 1 THEN 1 ELSE 0 END AS "chain_holds", LEAD("node_value", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_number") AS "node"
      FROM "s_node_events") AS "t"
  WHERE "chain_holds" = 1
)
SELECT "key_user_id" AS "user_id", MAX("node") AS "next_node"
FROM (SELECT *
      FROM "s_node_bases"
      UNION ALL
      SELECT "key_user_id", NULL AS "node"
      FROM "s_events") AS "t0"
GROUP BY "key_user_id"
