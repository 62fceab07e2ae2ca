WITH "s_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", CASE WHEN "EVENT_NAME" = 'home' THEN 1 ELSE 0 END "condition_1", CASE WHEN "PLATFORM" = 'web' THEN 1 ELSE 0 END "base_condition", "PAGE" "node_value"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL
),
"s_node_events" AS (
  SELECT "key_user_id", CASE WHEN "condition_1" = 1 AND "base_condition" = 1 AND (SUM(CASE WHEN "condition_1" = 1 AND "base_condition" = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "node_value" NULLS FIRST, "base_condition", CAST("condition_1" * 1 AS NUMBER(19)) ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) = 1 THEN LEAD("node_value", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "node_value" NULLS FIRST, "base_condition", CAST("condition_1" * 1 AS NUMBER(19))) ELSE NULL END "node"
  FROM "s_events"
)
SELECT "key_user_id" "user_id", MAX("node") "next_node"
FROM "s_node_events"
GROUP BY "key_user_id"
