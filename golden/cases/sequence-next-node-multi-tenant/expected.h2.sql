WITH "s_events" AS (
  SELECT "ACCOUNT_ID" AS "key_account_id", "USER_ID" AS "key_user_id", "OCCURRED_AT" AS "event_time", CASE WHEN "EVENT_NAME" = 'home' THEN 1 ELSE 0 END AS "condition_1", CASE WHEN "EVENT_NAME" = 'product' THEN 1 ELSE 0 END AS "condition_2", "PAGE" AS "node_value"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "ACCOUNT_ID" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL
),
"s_node_events" AS (
  SELECT "key_account_id", "key_user_id", CASE WHEN "node_value" IS NOT NULL AND "condition_1" = 1 AND (SUM(CASE WHEN "condition_1" = 1 THEN 1 ELSE 0 END) OVER (PARTITION BY "key_account_id", "key_user_id", CASE WHEN "node_value" IS NULL THEN 1 ELSE 0 END ORDER BY "event_time", "node_value" NULLS FIRST, CAST("condition_1" * 1 + "condition_2" * 2 AS BIGINT) ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)) = 1 AND (LEAD("condition_2", 1) OVER (PARTITION BY "key_account_id", "key_user_id", CASE WHEN "node_value" IS NULL THEN 1 ELSE 0 END ORDER BY "event_time", "node_value" NULLS FIRST, CAST("condition_1" * 1 + "condition_2" * 2 AS BIGINT))) = 1 THEN LEAD("node_value", 2) OVER (PARTITION BY "key_account_id", "key_user_id", CASE WHEN "node_value" IS NULL THEN 1 ELSE 0 END ORDER BY "event_time", "node_value" NULLS FIRST, CAST("condition_1" * 1 + "condition_2" * 2 AS BIGINT)) ELSE NULL END AS "node"
  FROM "s_events"
)
SELECT "key_account_id" AS "account_id", "key_user_id" AS "user_id", MAX("node") AS "next_node"
FROM "s_node_events"
GROUP BY "key_account_id", "key_user_id"
