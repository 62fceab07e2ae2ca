WITH "s_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CASE WHEN "event_name" = 'home' THEN 1 ELSE 0 END AS "condition_1", CASE WHEN "platform" = 'web' THEN 1 ELSE 0 END AS "base_condition", "page" AS "node_value"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL
),
"s_node_events" AS MATERIALIZED (
  SELECT "key_user_id", CASE WHEN "condition_1" = 1 AND "base_condition" = 1 AND (SUM(CASE WHEN "condition_1" = 1 AND "base_condition" = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "node_value" NULLS FIRST, "base_condition", CAST("condition_1" * 1 AS BIGINT) ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) = 1 THEN LEAD("node_value", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "node_value" NULLS FIRST, "base_condition", CAST("condition_1" * 1 AS BIGINT)) ELSE NULL END AS "node"
  FROM "s_events"
)
SELECT "key_user_id" AS "user_id", MAX("node") AS "next_node"
FROM "s_node_events"
GROUP BY "key_user_id"
