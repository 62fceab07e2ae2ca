WITH "s_events" AS (
  SELECT "USER_ID" AS "key_user_id", "OCCURRED_AT" AS "event_time", CASE WHEN "EVENT_NAME" = 'home' THEN 1 ELSE 0 END AS "condition_1", CASE WHEN "EVENT_NAME" = 'product' THEN 1 ELSE 0 END AS "condition_2", CASE WHEN "PLATFORM" = 'web' THEN 1 ELSE 0 END AS "base_condition", "PAGE" AS "node_value"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND "PLATFORM" IS NOT NULL
),
"s_node_events" AS (
  SELECT "key_user_id", ROW_NUMBER() OVER (PARTITION BY "key_user_id" ORDER BY "event_time", "node_value" NULLS FIRST, "base_condition", CAST("condition_1" * 1 + "condition_2" * 2 AS BIGINT)) AS "event_number", "node_value", "base_condition", "condition_1", "condition_2"
  FROM "s_events"
  WHERE "node_value" IS NOT NULL
),
"s_node_bases" AS (
  SELECT "key_user_id", "node"
  FROM (SELECT "key_user_id", CASE WHEN "event_number" = (MAX(CASE WHEN "condition_1" = 1 AND "base_condition" = 1 THEN "event_number" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_number" RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) AND "condition_1" = 1 AND (LEAD("condition_2", 1) OVER (PARTITION BY "key_user_id" ORDER BY "event_number")) = 1 THEN 1 ELSE 0 END AS "chain_holds", LEAD("node_value", 2) OVER (PARTITION BY "key_user_id" ORDER BY "event_number") AS "node"
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
