WITH "s_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", CASE WHEN "EVENT_NAME" = 'buy' THEN 1 ELSE 0 END "condition_1", "PAGE" "node_value"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL
),
"s_node_events" AS (
  SELECT "key_user_id", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "node_value" NULLS FIRST, CAST("condition_1" * 1 AS NUMBER(19))) "event_number", "node_value", "condition_1"
  FROM "s_events"
  WHERE "node_value" IS NOT NULL
),
"s_node_bases" AS (
  SELECT "key_user_id", "node"
  FROM (SELECT "key_user_id", CASE WHEN "event_number" = (MIN(CASE WHEN "condition_1" = 1 THEN "event_number" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) AND "condition_1" = 1 THEN 1 ELSE 0 END "chain_holds", LAG("node_value", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_number") "node"
      FROM "s_node_events") "t"
  WHERE "chain_holds" = 1
)
SELECT "key_user_id" "user_id", MAX("node") "previous_node"
FROM (SELECT *
      FROM "s_node_bases"
      UNION ALL
      SELECT "key_user_id", NULL "node"
      FROM "s_events") "t0"
GROUP BY "key_user_id"
