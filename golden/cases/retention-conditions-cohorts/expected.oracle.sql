WITH "r_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", CASE WHEN "EVENT_NAME" = 'signup' THEN 1 ELSE 0 END "condition_1", CASE WHEN "EVENT_NAME" = 'add_to_cart' THEN 1 ELSE 0 END "condition_2", CASE WHEN "EVENT_NAME" = 'purchase' AND "REVENUE" > 0 THEN 1 ELSE 0 END "condition_3"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'purchase' AND "REVENUE" > 0 OR NOT ("EVENT_NAME" = 'purchase' AND "REVENUE" > 0))
),
"r_conditions_seen" AS (
  SELECT "key_user_id", MAX("condition_1") "condition_1", MAX("condition_2") "condition_2", MAX("condition_3") "condition_3"
  FROM "r_events"
  GROUP BY "key_user_id"
),
"r_per_key" AS (
  SELECT "key_user_id" "user_id", "condition_1" * "condition_1" "signed_up", "condition_1" * "condition_2" "carted", "condition_1" * "condition_3" "bought"
  FROM "r_conditions_seen"
),
"r_totals" AS (
  SELECT SUM("signed_up") "total_1", SUM("carted") "total_2", SUM("bought") "total_3"
  FROM "r_per_key"
)
SELECT 1 "condition", 'signed_up' "name", COALESCE("total_1", 0) "keys"
FROM "r_totals"
UNION ALL
SELECT 2 "condition", 'carted' "name", COALESCE("total_2", 0) "keys"
FROM "r_totals"
UNION ALL
SELECT 3 "condition", 'bought' "name", COALESCE("total_3", 0) "keys"
FROM "r_totals"
