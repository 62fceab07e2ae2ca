WITH "p_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", CASE WHEN "event_name" = 'b' AND "flag" THEN 1 ELSE 0 END AS "anchor_flag", "event_name" AS "node_value"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL
),
"p_nodes" AS (
  SELECT "key_user_id", "event_micros", "node_value" AS "node", "anchor_flag"
  FROM "p_events"
),
"p_ordered_events" AS (
  SELECT "key_user_id", "event_micros", "node", "anchor_flag", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_micros", "node", "anchor_flag" DESC NULLS FIRST) AS "path_order"
  FROM "p_nodes"
  WHERE "node" IS NOT NULL
),
"p_anchored_events" AS (
  SELECT "key_user_id", "event_micros", "node", "anchor_flag", "path_order", MIN(CASE WHEN "anchor_flag" = 1 THEN "path_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "path_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "anchor_order", MIN(CASE WHEN "anchor_flag" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "path_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "anchor_micros"
  FROM "p_ordered_events"
),
"p_path_events" AS (
  SELECT "key_user_id", "node", "path_order"
  FROM "p_anchored_events"
  WHERE "anchor_order" IS NOT NULL AND "path_order" >= "anchor_order"
),
"p_path_steps" AS (
  SELECT "key_user_id", "node", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "path_order") AS "position"
  FROM "p_path_events"
),
"p_key_transitions" AS (
  SELECT "key_user_id", "node", "position", LEAD("node") OVER (PARTITION BY "key_user_id" ORDER BY "position") AS "next_node"
  FROM "p_path_steps"
  WHERE "position" <= 4
),
"p_transition_counts" AS (
  SELECT "node" AS "from_node", "position" AS "depth", "next_node" AS "to_node", COUNT(*) AS "keys"
  FROM "p_key_transitions"
  WHERE "position" <= 3
  GROUP BY "node", "position", "next_node"
),
"p_ranked_transitions" AS (
  SELECT "depth", "from_node", "to_node", "keys", ROW_NUMBER() OVER (PARTITION BY "depth" ORDER BY "keys" DESC NULLS FIRST, CASE WHEN "from_node" IS NULL THEN 1 ELSE 0 END, "from_node", CASE WHEN "to_node" IS NULL THEN 1 ELSE 0 END, "to_node") AS "transition_rank", SUM("keys") OVER (PARTITION BY "depth" ORDER BY "keys" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS "depth_keys"
  FROM "p_transition_counts"
)
SELECT CAST("depth" AS BIGINT) AS "depth", "from_node", "to_node", CAST("keys" AS BIGINT) AS "keys", CAST(((20000 * "keys" + "depth_keys") // (NULLIF(2 * "depth_keys", 0))) AS DOUBLE) / 1.000E2 AS "percentage"
FROM "p_ranked_transitions"
WHERE "transition_rank" <= 10
