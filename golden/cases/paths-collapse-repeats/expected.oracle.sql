WITH "p_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", CASE WHEN "EVENT_NAME" = 'a' THEN 1 ELSE 0 END "anchor_flag", "EVENT_NAME" "node_value"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL
),
"p_nodes" AS (
  SELECT "key_user_id", "event_micros", "node_value" "node", "anchor_flag"
  FROM "p_events"
),
"p_ordered_events" AS (
  SELECT "key_user_id", "event_micros", "node", "anchor_flag", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_micros", "node", "anchor_flag" DESC) "path_order"
  FROM "p_nodes"
  WHERE "node" IS NOT NULL
),
"p_anchored_events" AS (
  SELECT "key_user_id", "event_micros", "node", "anchor_flag", "path_order", MIN(CASE WHEN "anchor_flag" = 1 THEN "path_order" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "path_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) "anchor_order", MIN(CASE WHEN "anchor_flag" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "path_order" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) "anchor_micros"
  FROM "p_ordered_events"
),
"p_path_events" AS (
  SELECT "key_user_id", "node", "path_order"
  FROM "p_anchored_events"
  WHERE "anchor_order" IS NOT NULL AND "path_order" >= "anchor_order"
),
"p_path_neighbours" AS (
  SELECT "key_user_id", "node", "path_order", LAG("node") OVER (PARTITION BY "key_user_id" ORDER BY "path_order") "nearer_node"
  FROM "p_path_events"
),
"p_path_steps" AS (
  SELECT "key_user_id", "node", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "path_order") "position"
  FROM "p_path_neighbours"
  WHERE "nearer_node" IS NULL OR "node" <> "nearer_node"
),
"p_key_transitions" AS (
  SELECT "key_user_id", "node", "position", LEAD("node") OVER (PARTITION BY "key_user_id" ORDER BY "position") "next_node"
  FROM "p_path_steps"
  WHERE "position" <= 4
),
"p_transition_counts" AS (
  SELECT "node" "from_node", "position" "depth", "next_node" "to_node", COUNT(*) "keys"
  FROM "p_key_transitions"
  WHERE "position" <= 3
  GROUP BY "node", "position", "next_node"
),
"p_ranked_transitions" AS (
  SELECT "depth", "from_node", "to_node", "keys", ROW_NUMBER() OVER (PARTITION BY "depth" ORDER BY "keys" DESC, CASE WHEN "from_node" IS NULL THEN 1 ELSE 0 END, "from_node", CASE WHEN "to_node" IS NULL THEN 1 ELSE 0 END, "to_node") "transition_rank", SUM("keys") OVER (PARTITION BY "depth" ORDER BY "keys" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) "depth_keys"
  FROM "p_transition_counts"
)
SELECT CAST("depth" AS NUMBER(19)) "depth", "from_node", "to_node", CAST("keys" AS NUMBER(19)) "keys", CAST(TRUNC((20000 * "keys" + "depth_keys") / (NULLIF(2 * "depth_keys", 0))) AS DOUBLE PRECISION) / 1.000E2 "percentage"
FROM "p_ranked_transitions"
WHERE "transition_rank" <= 10
