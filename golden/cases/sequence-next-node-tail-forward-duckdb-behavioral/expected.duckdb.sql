WITH "s_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", CASE WHEN "event_name" = 'buy' THEN 1 ELSE 0 END AS "condition_1", "page" AS "node_value"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL
),
"s_node_events" AS MATERIALIZED (
  SELECT "key_user_id", CASE WHEN (SUM(CASE WHEN TRUE THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "node_value" NULLS FIRST, CAST("condition_1" * 1 AS BIGINT) ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING)) = 1 AND "condition_1" = 1 THEN LEAD("node_value", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "node_value" NULLS FIRST, CAST("condition_1" * 1 AS BIGINT)) ELSE NULL END AS "node"
  FROM "s_events"
)
SELECT "key_user_id" AS "user_id", MAX("node") AS "next_node"
FROM "s_node_events"
GROUP BY "key_user_id"
