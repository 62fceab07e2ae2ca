WITH "r_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", CASE WHEN "event_name" = 'signup' THEN 1 ELSE 0 END AS "condition_1", CASE WHEN "event_name" = 'add_to_cart' THEN 1 ELSE 0 END AS "condition_2", CASE WHEN "event_name" = 'purchase' AND "revenue" > 0 THEN 1 ELSE 0 END AS "condition_3"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL AND ("event_name" = 'purchase' AND "revenue" > 0 OR NOT ("event_name" = 'purchase' AND "revenue" > 0))
),
"r_conditions_seen" AS MATERIALIZED (
  SELECT "key_user_id", MAX("condition_1") AS "condition_1", MAX("condition_2") AS "condition_2", MAX("condition_3") AS "condition_3"
  FROM "r_events"
  GROUP BY "key_user_id"
),
"r_per_key" AS MATERIALIZED (
  SELECT "key_user_id" AS "user_id", "condition_1" * "condition_1" AS "signed_up", "condition_1" * "condition_2" AS "carted", "condition_1" * "condition_3" AS "bought"
  FROM "r_conditions_seen"
),
"r_totals" AS MATERIALIZED (
  SELECT SUM("signed_up") AS "total_1", SUM("carted") AS "total_2", SUM("bought") AS "total_3"
  FROM "r_per_key"
)
SELECT 1 AS "condition", 'signed_up' AS "name", COALESCE("total_1", 0) AS "keys"
FROM "r_totals"
UNION ALL
SELECT 2 AS "condition", 'carted' AS "name", COALESCE("total_2", 0) AS "keys"
FROM "r_totals"
UNION ALL
SELECT 3 AS "condition", 'bought' AS "name", COALESCE("total_3", 0) AS "keys"
FROM "r_totals"
