WITH "r_events" AS (
  SELECT "USER_ID" "key_user_id", "OCCURRED_AT" "event_time", ((CAST(TO_CHAR("OCCURRED_AT" , 'J') AS NUMBER(19)) - 2440588) * 86400000000 + CAST(TO_CHAR("OCCURRED_AT" , 'SSSSS') AS NUMBER(19)) * 1000000 + CAST(TO_CHAR("OCCURRED_AT" , 'FF6') AS NUMBER(19))) "event_micros", CASE WHEN "EVENT_NAME" = 'signup' THEN 1 ELSE 0 END "condition_1", CASE WHEN "EVENT_NAME" = 'add_to_cart' THEN 1 ELSE 0 END "condition_2", CASE WHEN "EVENT_NAME" = 'purchase' AND "REVENUE" > 0 THEN 1 ELSE 0 END "condition_3"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'purchase' AND "REVENUE" > 0 OR NOT ("EVENT_NAME" = 'purchase' AND "REVENUE" > 0))
),
"r_conditions_seen" AS (
  SELECT "key_user_id", MAX("condition_1") "condition_1", MAX("condition_2") "condition_2", MAX("condition_3") "condition_3"
  FROM "r_events"
  GROUP BY "key_user_id"
)
SELECT "key_user_id" "user_id", ("condition_1" * "condition_1") "signed_up", ("condition_1" * "condition_2") "carted", ("condition_1" * "condition_3") "bought"
FROM "r_conditions_seen"
