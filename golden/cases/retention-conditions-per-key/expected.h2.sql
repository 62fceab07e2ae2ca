WITH "r_events" AS (
  SELECT "USER_ID" AS "key_user_id", "OCCURRED_AT" AS "event_time", DATEDIFF(MICROSECOND, TIMESTAMP '1970-01-01 00:00:00', "OCCURRED_AT") AS "event_micros", CASE WHEN "EVENT_NAME" = 'signup' THEN 1 ELSE 0 END AS "condition_1", CASE WHEN "EVENT_NAME" = 'add_to_cart' THEN 1 ELSE 0 END AS "condition_2", CASE WHEN "EVENT_NAME" = 'purchase' AND "REVENUE" > 0 THEN 1 ELSE 0 END AS "condition_3"
  FROM "EVENTS"
  WHERE "OCCURRED_AT" IS NOT NULL AND "USER_ID" IS NOT NULL AND "EVENT_NAME" IS NOT NULL AND ("EVENT_NAME" = 'purchase' AND "REVENUE" > 0 OR NOT ("EVENT_NAME" = 'purchase' AND "REVENUE" > 0))
),
"r_conditions_seen" AS (
  SELECT "key_user_id", MAX("condition_1") AS "condition_1", MAX("condition_2") AS "condition_2", MAX("condition_3") AS "condition_3"
  FROM "r_events"
  GROUP BY "key_user_id"
)
SELECT "key_user_id" AS "user_id", (("condition_1" * "condition_1") = 1) AS "signed_up", (("condition_1" * "condition_2") = 1) AS "carted", (("condition_1" * "condition_3") = 1) AS "bought"
FROM "r_conditions_seen"
