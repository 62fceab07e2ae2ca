WITH "f_events" AS (
  SELECT "user_id" AS "key_user_id", "occurred_at" AS "event_time", epoch_us("occurred_at") AS "event_micros", CASE WHEN "event_name" = 'e01' THEN 1 ELSE 0 END AS "step_1", CASE WHEN "event_name" = 'e02' THEN 1 ELSE 0 END AS "step_2", CASE WHEN "event_name" = 'e03' THEN 1 ELSE 0 END AS "step_3", CASE WHEN "event_name" = 'e04' THEN 1 ELSE 0 END AS "step_4", CASE WHEN "event_name" = 'e05' THEN 1 ELSE 0 END AS "step_5", CASE WHEN "event_name" = 'e06' THEN 1 ELSE 0 END AS "step_6", CASE WHEN "event_name" = 'e07' THEN 1 ELSE 0 END AS "step_7", CASE WHEN "event_name" = 'e08' THEN 1 ELSE 0 END AS "step_8", CASE WHEN "event_name" = 'e09' THEN 1 ELSE 0 END AS "step_9", CASE WHEN "event_name" = 'e10' THEN 1 ELSE 0 END AS "step_10", CASE WHEN "event_name" = 'e11' THEN 1 ELSE 0 END AS "step_11", CASE WHEN "event_name" = 'e12' THEN 1 ELSE 0 END AS "step_12", CASE WHEN "event_name" = 'e13' THEN 1 ELSE 0 END AS "step_13", CASE WHEN "event_name" = 'e14' THEN 1 ELSE 0 END AS "step_14", CASE WHEN "event_name" = 'e15' THEN 1 ELSE 0 END AS "step_15", CASE WHEN "event_name" = 'e16' THEN 1 ELSE 0 END AS "step_16", CASE WHEN "event_name" = 'e17' THEN 1 ELSE 0 END AS "step_17", CASE WHEN "event_name" = 'e18' THEN 1 ELSE 0 END AS "step_18", CASE WHEN "event_name" = 'e19' THEN 1 ELSE 0 END AS "step_19", CASE WHEN "event_name" = 'e20' THEN 1 ELSE 0 END AS "step_20", CASE WHEN "event_name" = 'e21' THEN 1 ELSE 0 END AS "step_21", CASE WHEN "event_name" = 'e22' THEN 1 ELSE 0 END AS "step_22", CASE WHEN "event_name" = 'e23' THEN 1 ELSE 0 END AS "step_23", CASE WHEN "event_name" = 'e24' THEN 1 ELSE 0 END AS "step_24", CASE WHEN "event_name" = 'e25' THEN 1 ELSE 0 END AS "step_25", CASE WHEN "event_name" = 'e26' THEN 1 ELSE 0 END AS "step_26", CASE WHEN "event_name" = 'e27' THEN 1 ELSE 0 END AS "step_27", CASE WHEN "event_name" = 'e28' THEN 1 ELSE 0 END AS "step_28", CASE WHEN "event_name" = 'e29' THEN 1 ELSE 0 END AS "step_29", CASE WHEN "event_name" = 'e30' THEN 1 ELSE 0 END AS "step_30", CASE WHEN "event_name" = 'e31' THEN 1 ELSE 0 END AS "step_31", CASE WHEN "event_name" = 'e32' THEN 1 ELSE 0 END AS "step_32"
  FROM "events"
  WHERE "occurred_at" IS NOT NULL AND "user_id" IS NOT NULL AND "event_name" IS NOT NULL AND ("event_name" = 'e01' OR "event_name" = 'e02' OR ("event_name" = 'e03' OR "event_name" = 'e04') OR ("event_name" = 'e05' OR "event_name" = 'e06' OR ("event_name" = 'e07' OR "event_name" = 'e08')) OR ("event_name" = 'e09' OR "event_name" = 'e10' OR ("event_name" = 'e11' OR "event_name" = 'e12') OR ("event_name" = 'e13' OR "event_name" = 'e14' OR ("event_name" = 'e15' OR "event_name" = 'e16'))) OR ("event_name" = 'e17' OR "event_name" = 'e18' OR ("event_name" = 'e19' OR "event_name" = 'e20') OR ("event_name" = 'e21' OR "event_name" = 'e22' OR ("event_name" = 'e23' OR "event_name" = 'e24')) OR ("event_name" = 'e25' OR "event_name" = 'e26' OR ("event_name" = 'e27' OR "event_name" = 'e28') OR ("event_name" = 'e29' OR "event_name" = 'e30' OR ("event_name" = 'e31' OR "event_name" = 'e32')))))
),
"f_times" AS (
  SELECT "key_user_id", "event_micros", MAX("step_1") AS "has_step_1", MAX("step_2") AS "has_step_2", MAX("step_3") AS "has_step_3", MAX("step_4") AS "has_step_4", MAX("step_5") AS "has_step_5", MAX("step_6") AS "has_step_6", MAX("step_7") AS "has_step_7", MAX("step_8") AS "has_step_8", MAX("step_9") AS "has_step_9", MAX("step_10") AS "has_step_10", MAX("step_11") AS "has_step_11", MAX("step_12") AS "has_step_12", MAX("step_13") AS "has_step_13", MAX("step_14") AS "has_step_14", MAX("step_15") AS "has_step_15", MAX("step_16") AS "has_step_16", MAX("step_17") AS "has_step_17", MAX("step_18") AS "has_step_18", MAX("step_19") AS "has_step_19", MAX("step_20") AS "has_step_20", MAX("step_21") AS "has_step_21", MAX("step_22") AS "has_step_22", MAX("step_23") AS "has_step_23", MAX("step_24") AS "has_step_24", MAX("step_25") AS "has_step_25", MAX("step_26") AS "has_step_26", MAX("step_27") AS "has_step_27", MAX("step_28") AS "has_step_28", MAX("step_29") AS "has_step_29", MAX("step_30") AS "has_step_30", MAX("step_31") AS "has_step_31", MAX("step_32") AS "has_step_32"
  FROM "f_events"
  GROUP BY "key_user_id", "event_micros"
),
"f_next_times" AS MATERIALIZED (
  SELECT "key_user_id", "event_micros", "has_step_1", MIN(CASE WHEN "has_step_2" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_2_micros", MIN(CASE WHEN "has_step_3" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_3_micros", MIN(CASE WHEN "has_step_4" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_4_micros", MIN(CASE WHEN "has_step_5" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_5_micros", MIN(CASE WHEN "has_step_6" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_6_micros", MIN(CASE WHEN "has_step_7" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_7_micros", MIN(CASE WHEN "has_step_8" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_8_micros", MIN(CASE WHEN "has_step_9" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_9_micros", MIN(CASE WHEN "has_step_10" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_10_micros", MIN(CASE WHEN "has_step_11" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_11_micros", MIN(CASE WHEN "has_step_12" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_12_micros", MIN(CASE WHEN "has_step_13" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_13_micros", MIN(CASE WHEN "has_step_14" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_14_micros", MIN(CASE WHEN "has_step_15" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_15_micros", MIN(CASE WHEN "has_step_16" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_16_micros", MIN(CASE WHEN "has_step_17" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_17_micros", MIN(CASE WHEN "has_step_18" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_18_micros", MIN(CASE WHEN "has_step_19" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_19_micros", MIN(CASE WHEN "has_step_20" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_20_micros", MIN(CASE WHEN "has_step_21" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_21_micros", MIN(CASE WHEN "has_step_22" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_22_micros", MIN(CASE WHEN "has_step_23" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_23_micros", MIN(CASE WHEN "has_step_24" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_24_micros", MIN(CASE WHEN "has_step_25" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_25_micros", MIN(CASE WHEN "has_step_26" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_26_micros", MIN(CASE WHEN "has_step_27" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_27_micros", MIN(CASE WHEN "has_step_28" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_28_micros", MIN(CASE WHEN "has_step_29" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_29_micros", MIN(CASE WHEN "has_step_30" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_30_micros", MIN(CASE WHEN "has_step_31" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_31_micros", MIN(CASE WHEN "has_step_32" = 1 THEN "event_micros" ELSE NULL END) OVER (PARTITION BY "key_user_id" ORDER BY "event_micros" DESC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS "next_step_32_micros"
  FROM "f_times"
),
"f_level_2" AS MATERIALIZED (
  SELECT "key_user_id", "next_step_2_micros" AS "reached_micros", MAX("event_micros") AS "chain_start"
  FROM "f_next_times"
  WHERE "has_step_1" = 1 AND "next_step_2_micros" IS NOT NULL AND "next_step_2_micros" <= "event_micros" + 3600000000
  GROUP BY "key_user_id", "next_step_2_micros"
),
"f_level_3" AS MATERIALIZED (
  SELECT "f_level_2"."key_user_id", "f_next_times"."next_step_3_micros" AS "reached_micros", MAX("f_level_2"."chain_start") AS "chain_start"
  FROM "f_level_2"
    INNER JOIN "f_next_times" ON "f_level_2"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_2"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_3_micros" IS NOT NULL AND "f_next_times"."next_step_3_micros" <= "f_level_2"."chain_start" + 3600000000
  GROUP BY "f_level_2"."key_user_id", "f_next_times"."next_step_3_micros"
),
"f_level_4" AS MATERIALIZED (
  SELECT "f_level_3"."key_user_id", "f_next_times"."next_step_4_micros" AS "reached_micros", MAX("f_level_3"."chain_start") AS "chain_start"
  FROM "f_level_3"
    INNER JOIN "f_next_times" ON "f_level_3"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_3"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_4_micros" IS NOT NULL AND "f_next_times"."next_step_4_micros" <= "f_level_3"."chain_start" + 3600000000
  GROUP BY "f_level_3"."key_user_id", "f_next_times"."next_step_4_micros"
),
"f_level_5" AS MATERIALIZED (
  SELECT "f_level_4"."key_user_id", "f_next_times"."next_step_5_micros" AS "reached_micros", MAX("f_level_4"."chain_start") AS "chain_start"
  FROM "f_level_4"
    INNER JOIN "f_next_times" ON "f_level_4"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_4"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_5_micros" IS NOT NULL AND "f_next_times"."next_step_5_micros" <= "f_level_4"."chain_start" + 3600000000
  GROUP BY "f_level_4"."key_user_id", "f_next_times"."next_step_5_micros"
),
"f_level_6" AS MATERIALIZED (
  SELECT "f_level_5"."key_user_id", "f_next_times"."next_step_6_micros" AS "reached_micros", MAX("f_level_5"."chain_start") AS "chain_start"
  FROM "f_level_5"
    INNER JOIN "f_next_times" ON "f_level_5"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_5"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_6_micros" IS NOT NULL AND "f_next_times"."next_step_6_micros" <= "f_level_5"."chain_start" + 3600000000
  GROUP BY "f_level_5"."key_user_id", "f_next_times"."next_step_6_micros"
),
"f_level_7" AS MATERIALIZED (
  SELECT "f_level_6"."key_user_id", "f_next_times"."next_step_7_micros" AS "reached_micros", MAX("f_level_6"."chain_start") AS "chain_start"
  FROM "f_level_6"
    INNER JOIN "f_next_times" ON "f_level_6"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_6"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_7_micros" IS NOT NULL AND "f_next_times"."next_step_7_micros" <= "f_level_6"."chain_start" + 3600000000
  GROUP BY "f_level_6"."key_user_id", "f_next_times"."next_step_7_micros"
),
"f_level_8" AS MATERIALIZED (
  SELECT "f_level_7"."key_user_id", "f_next_times"."next_step_8_micros" AS "reached_micros", MAX("f_level_7"."chain_start") AS "chain_start"
  FROM "f_level_7"
    INNER JOIN "f_next_times" ON "f_level_7"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_7"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_8_micros" IS NOT NULL AND "f_next_times"."next_step_8_micros" <= "f_level_7"."chain_start" + 3600000000
  GROUP BY "f_level_7"."key_user_id", "f_next_times"."next_step_8_micros"
),
"f_level_9" AS MATERIALIZED (
  SELECT "f_level_8"."key_user_id", "f_next_times"."next_step_9_micros" AS "reached_micros", MAX("f_level_8"."chain_start") AS "chain_start"
  FROM "f_level_8"
    INNER JOIN "f_next_times" ON "f_level_8"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_8"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_9_micros" IS NOT NULL AND "f_next_times"."next_step_9_micros" <= "f_level_8"."chain_start" + 3600000000
  GROUP BY "f_level_8"."key_user_id", "f_next_times"."next_step_9_micros"
),
"f_level_10" AS MATERIALIZED (
  SELECT "f_level_9"."key_user_id", "f_next_times"."next_step_10_micros" AS "reached_micros", MAX("f_level_9"."chain_start") AS "chain_start"
  FROM "f_level_9"
    INNER JOIN "f_next_times" ON "f_level_9"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_9"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_10_micros" IS NOT NULL AND "f_next_times"."next_step_10_micros" <= "f_level_9"."chain_start" + 3600000000
  GROUP BY "f_level_9"."key_user_id", "f_next_times"."next_step_10_micros"
),
"f_level_11" AS MATERIALIZED (
  SELECT "f_level_10"."key_user_id", "f_next_times"."next_step_11_micros" AS "reached_micros", MAX("f_level_10"."chain_start") AS "chain_start"
  FROM "f_level_10"
    INNER JOIN "f_next_times" ON "f_level_10"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_10"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_11_micros" IS NOT NULL AND "f_next_times"."next_step_11_micros" <= "f_level_10"."chain_start" + 3600000000
  GROUP BY "f_level_10"."key_user_id", "f_next_times"."next_step_11_micros"
),
"f_level_12" AS MATERIALIZED (
  SELECT "f_level_11"."key_user_id", "f_next_times"."next_step_12_micros" AS "reached_micros", MAX("f_level_11"."chain_start") AS "chain_start"
  FROM "f_level_11"
    INNER JOIN "f_next_times" ON "f_level_11"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_11"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_12_micros" IS NOT NULL AND "f_next_times"."next_step_12_micros" <= "f_level_11"."chain_start" + 3600000000
  GROUP BY "f_level_11"."key_user_id", "f_next_times"."next_step_12_micros"
),
"f_level_13" AS MATERIALIZED (
  SELECT "f_level_12"."key_user_id", "f_next_times"."next_step_13_micros" AS "reached_micros", MAX("f_level_12"."chain_start") AS "chain_start"
  FROM "f_level_12"
    INNER JOIN "f_next_times" ON "f_level_12"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_12"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_13_micros" IS NOT NULL AND "f_next_times"."next_step_13_micros" <= "f_level_12"."chain_start" + 3600000000
  GROUP BY "f_level_12"."key_user_id", "f_next_times"."next_step_13_micros"
),
"f_level_14" AS MATERIALIZED (
  SELECT "f_level_13"."key_user_id", "f_next_times"."next_step_14_micros" AS "reached_micros", MAX("f_level_13"."chain_start") AS "chain_start"
  FROM "f_level_13"
    INNER JOIN "f_next_times" ON "f_level_13"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_13"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_14_micros" IS NOT NULL AND "f_next_times"."next_step_14_micros" <= "f_level_13"."chain_start" + 3600000000
  GROUP BY "f_level_13"."key_user_id", "f_next_times"."next_step_14_micros"
),
"f_level_15" AS MATERIALIZED (
  SELECT "f_level_14"."key_user_id", "f_next_times"."next_step_15_micros" AS "reached_micros", MAX("f_level_14"."chain_start") AS "chain_start"
  FROM "f_level_14"
    INNER JOIN "f_next_times" ON "f_level_14"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_14"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_15_micros" IS NOT NULL AND "f_next_times"."next_step_15_micros" <= "f_level_14"."chain_start" + 3600000000
  GROUP BY "f_level_14"."key_user_id", "f_next_times"."next_step_15_micros"
),
"f_level_16" AS MATERIALIZED (
  SELECT "f_level_15"."key_user_id", "f_next_times"."next_step_16_micros" AS "reached_micros", MAX("f_level_15"."chain_start") AS "chain_start"
  FROM "f_level_15"
    INNER JOIN "f_next_times" ON "f_level_15"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_15"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_16_micros" IS NOT NULL AND "f_next_times"."next_step_16_micros" <= "f_level_15"."chain_start" + 3600000000
  GROUP BY "f_level_15"."key_user_id", "f_next_times"."next_step_16_micros"
),
"f_level_17" AS MATERIALIZED (
  SELECT "f_level_16"."key_user_id", "f_next_times"."next_step_17_micros" AS "reached_micros", MAX("f_level_16"."chain_start") AS "chain_start"
  FROM "f_level_16"
    INNER JOIN "f_next_times" ON "f_level_16"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_16"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_17_micros" IS NOT NULL AND "f_next_times"."next_step_17_micros" <= "f_level_16"."chain_start" + 3600000000
  GROUP BY "f_level_16"."key_user_id", "f_next_times"."next_step_17_micros"
),
"f_level_18" AS MATERIALIZED (
  SELECT "f_level_17"."key_user_id", "f_next_times"."next_step_18_micros" AS "reached_micros", MAX("f_level_17"."chain_start") AS "chain_start"
  FROM "f_level_17"
    INNER JOIN "f_next_times" ON "f_level_17"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_17"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_18_micros" IS NOT NULL AND "f_next_times"."next_step_18_micros" <= "f_level_17"."chain_start" + 3600000000
  GROUP BY "f_level_17"."key_user_id", "f_next_times"."next_step_18_micros"
),
"f_level_19" AS MATERIALIZED (
  SELECT "f_level_18"."key_user_id", "f_next_times"."next_step_19_micros" AS "reached_micros", MAX("f_level_18"."chain_start") AS "chain_start"
  FROM "f_level_18"
    INNER JOIN "f_next_times" ON "f_level_18"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_18"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_19_micros" IS NOT NULL AND "f_next_times"."next_step_19_micros" <= "f_level_18"."chain_start" + 3600000000
  GROUP BY "f_level_18"."key_user_id", "f_next_times"."next_step_19_micros"
),
"f_level_20" AS MATERIALIZED (
  SELECT "f_level_19"."key_user_id", "f_next_times"."next_step_20_micros" AS "reached_micros", MAX("f_level_19"."chain_start") AS "chain_start"
  FROM "f_level_19"
    INNER JOIN "f_next_times" ON "f_level_19"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_19"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_20_micros" IS NOT NULL AND "f_next_times"."next_step_20_micros" <= "f_level_19"."chain_start" + 3600000000
  GROUP BY "f_level_19"."key_user_id", "f_next_times"."next_step_20_micros"
),
"f_level_21" AS MATERIALIZED (
  SELECT "f_level_20"."key_user_id", "f_next_times"."next_step_21_micros" AS "reached_micros", MAX("f_level_20"."chain_start") AS "chain_start"
  FROM "f_level_20"
    INNER JOIN "f_next_times" ON "f_level_20"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_20"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_21_micros" IS NOT NULL AND "f_next_times"."next_step_21_micros" <= "f_level_20"."chain_start" + 3600000000
  GROUP BY "f_level_20"."key_user_id", "f_next_times"."next_step_21_micros"
),
"f_level_22" AS MATERIALIZED (
  SELECT "f_level_21"."key_user_id", "f_next_times"."next_step_22_micros" AS "reached_micros", MAX("f_level_21"."chain_start") AS "chain_start"
  FROM "f_level_21"
    INNER JOIN "f_next_times" ON "f_level_21"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_21"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_22_micros" IS NOT NULL AND "f_next_times"."next_step_22_micros" <= "f_level_21"."chain_start" + 3600000000
  GROUP BY "f_level_21"."key_user_id", "f_next_times"."next_step_22_micros"
),
"f_level_23" AS MATERIALIZED (
  SELECT "f_level_22"."key_user_id", "f_next_times"."next_step_23_micros" AS "reached_micros", MAX("f_level_22"."chain_start") AS "chain_start"
  FROM "f_level_22"
    INNER JOIN "f_next_times" ON "f_level_22"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_22"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_23_micros" IS NOT NULL AND "f_next_times"."next_step_23_micros" <= "f_level_22"."chain_start" + 3600000000
  GROUP BY "f_level_22"."key_user_id", "f_next_times"."next_step_23_micros"
),
"f_level_24" AS MATERIALIZED (
  SELECT "f_level_23"."key_user_id", "f_next_times"."next_step_24_micros" AS "reached_micros", MAX("f_level_23"."chain_start") AS "chain_start"
  FROM "f_level_23"
    INNER JOIN "f_next_times" ON "f_level_23"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_23"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_24_micros" IS NOT NULL AND "f_next_times"."next_step_24_micros" <= "f_level_23"."chain_start" + 3600000000
  GROUP BY "f_level_23"."key_user_id", "f_next_times"."next_step_24_micros"
),
"f_level_25" AS MATERIALIZED (
  SELECT "f_level_24"."key_user_id", "f_next_times"."next_step_25_micros" AS "reached_micros", MAX("f_level_24"."chain_start") AS "chain_start"
  FROM "f_level_24"
    INNER JOIN "f_next_times" ON "f_level_24"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_24"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_25_micros" IS NOT NULL AND "f_next_times"."next_step_25_micros" <= "f_level_24"."chain_start" + 3600000000
  GROUP BY "f_level_24"."key_user_id", "f_next_times"."next_step_25_micros"
),
"f_level_26" AS MATERIALIZED (
  SELECT "f_level_25"."key_user_id", "f_next_times"."next_step_26_micros" AS "reached_micros", MAX("f_level_25"."chain_start") AS "chain_start"
  FROM "f_level_25"
    INNER JOIN "f_next_times" ON "f_level_25"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_25"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_26_micros" IS NOT NULL AND "f_next_times"."next_step_26_micros" <= "f_level_25"."chain_start" + 3600000000
  GROUP BY "f_level_25"."key_user_id", "f_next_times"."next_step_26_micros"
),
"f_level_27" AS MATERIALIZED (
  SELECT "f_level_26"."key_user_id", "f_next_times"."next_step_27_micros" AS "reached_micros", MAX("f_level_26"."chain_start") AS "chain_start"
  FROM "f_level_26"
    INNER JOIN "f_next_times" ON "f_level_26"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_26"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_27_micros" IS NOT NULL AND "f_next_times"."next_step_27_micros" <= "f_level_26"."chain_start" + 3600000000
  GROUP BY "f_level_26"."key_user_id", "f_next_times"."next_step_27_micros"
),
"f_level_28" AS MATERIALIZED (
  SELECT "f_level_27"."key_user_id", "f_next_times"."next_step_28_micros" AS "reached_micros", MAX("f_level_27"."chain_start") AS "chain_start"
  FROM "f_level_27"
    INNER JOIN "f_next_times" ON "f_level_27"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_27"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_28_micros" IS NOT NULL AND "f_next_times"."next_step_28_micros" <= "f_level_27"."chain_start" + 3600000000
  GROUP BY "f_level_27"."key_user_id", "f_next_times"."next_step_28_micros"
),
"f_level_29" AS MATERIALIZED (
  SELECT "f_level_28"."key_user_id", "f_next_times"."next_step_29_micros" AS "reached_micros", MAX("f_level_28"."chain_start") AS "chain_start"
  FROM "f_level_28"
    INNER JOIN "f_next_times" ON "f_level_28"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_28"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_29_micros" IS NOT NULL AND "f_next_times"."next_step_29_micros" <= "f_level_28"."chain_start" + 3600000000
  GROUP BY "f_level_28"."key_user_id", "f_next_times"."next_step_29_micros"
),
"f_level_30" AS MATERIALIZED (
  SELECT "f_level_29"."key_user_id", "f_next_times"."next_step_30_micros" AS "reached_micros", MAX("f_level_29"."chain_start") AS "chain_start"
  FROM "f_level_29"
    INNER JOIN "f_next_times" ON "f_level_29"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_29"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_30_micros" IS NOT NULL AND "f_next_times"."next_step_30_micros" <= "f_level_29"."chain_start" + 3600000000
  GROUP BY "f_level_29"."key_user_id", "f_next_times"."next_step_30_micros"
),
"f_level_31" AS MATERIALIZED (
  SELECT "f_level_30"."key_user_id", "f_next_times"."next_step_31_micros" AS "reached_micros", MAX("f_level_30"."chain_start") AS "chain_start"
  FROM "f_level_30"
    INNER JOIN "f_next_times" ON "f_level_30"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_30"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_31_micros" IS NOT NULL AND "f_next_times"."next_step_31_micros" <= "f_level_30"."chain_start" + 3600000000
  GROUP BY "f_level_30"."key_user_id", "f_next_times"."next_step_31_micros"
),
"f_level_32" AS MATERIALIZED (
  SELECT "f_level_31"."key_user_id", "f_next_times"."next_step_32_micros" AS "reached_micros", MAX("f_level_31"."chain_start") AS "chain_start"
  FROM "f_level_31"
    INNER JOIN "f_next_times" ON "f_level_31"."key_user_id" = "f_next_times"."key_user_id" AND "f_level_31"."reached_micros" = "f_next_times"."event_micros"
  WHERE "f_next_times"."next_step_32_micros" IS NOT NULL AND "f_next_times"."next_step_32_micros" <= "f_level_31"."chain_start" + 3600000000
  GROUP BY "f_level_31"."key_user_id", "f_next_times"."next_step_32_micros"
),
"f_attempts" AS MATERIALIZED (
  SELECT "key_user_id", MAX("level") AS "level"
  FROM (SELECT "key_user_id", CASE WHEN "has_step_1" = 1 THEN 1 ELSE 0 END AS "level"
        FROM "f_next_times"
        UNION ALL
        SELECT "key_user_id", 2 AS "level"
        FROM "f_level_2"
        UNION ALL
        SELECT "key_user_id", 3 AS "level"
        FROM "f_level_3"
        UNION ALL
        SELECT "key_user_id", 4 AS "level"
        FROM "f_level_4"
        UNION ALL
        SELECT "key_user_id", 5 AS "level"
        FROM "f_level_5"
        UNION ALL
        SELECT "key_user_id", 6 AS "level"
        FROM "f_level_6"
        UNION ALL
        SELECT "key_user_id", 7 AS "level"
        FROM "f_level_7"
        UNION ALL
        SELECT "key_user_id", 8 AS "level"
        FROM "f_level_8"
        UNION ALL
        SELECT "key_user_id", 9 AS "level"
        FROM "f_level_9"
        UNION ALL
        SELECT "key_user_id", 10 AS "level"
        FROM "f_level_10"
        UNION ALL
        SELECT "key_user_id", 11 AS "level"
        FROM "f_level_11"
        UNION ALL
        SELECT "key_user_id", 12 AS "level"
        FROM "f_level_12"
        UNION ALL
        SELECT "key_user_id", 13 AS "level"
        FROM "f_level_13"
        UNION ALL
        SELECT "key_user_id", 14 AS "level"
        FROM "f_level_14"
        UNION ALL
        SELECT "key_user_id", 15 AS "level"
        FROM "f_level_15"
        UNION ALL
        SELECT "key_user_id", 16 AS "level"
        FROM "f_level_16"
        UNION ALL
        SELECT "key_user_id", 17 AS "level"
        FROM "f_level_17"
        UNION ALL
        SELECT "key_user_id", 18 AS "level"
        FROM "f_level_18"
        UNION ALL
        SELECT "key_user_id", 19 AS "level"
        FROM "f_level_19"
        UNION ALL
        SELECT "key_user_id", 20 AS "level"
        FROM "f_level_20"
        UNION ALL
        SELECT "key_user_id", 21 AS "level"
        FROM "f_level_21"
        UNION ALL
        SELECT "key_user_id", 22 AS "level"
        FROM "f_level_22"
        UNION ALL
        SELECT "key_user_id", 23 AS "level"
        FROM "f_level_23"
        UNION ALL
        SELECT "key_user_id", 24 AS "level"
        FROM "f_level_24"
        UNION ALL
        SELECT "key_user_id", 25 AS "level"
        FROM "f_level_25"
        UNION ALL
        SELECT "key_user_id", 26 AS "level"
        FROM "f_level_26"
        UNION ALL
        SELECT "key_user_id", 27 AS "level"
        FROM "f_level_27"
        UNION ALL
        SELECT "key_user_id", 28 AS "level"
        FROM "f_level_28"
        UNION ALL
        SELECT "key_user_id", 29 AS "level"
        FROM "f_level_29"
        UNION ALL
        SELECT "key_user_id", 30 AS "level"
        FROM "f_level_30"
        UNION ALL
        SELECT "key_user_id", 31 AS "level"
        FROM "f_level_31"
        UNION ALL
        SELECT "key_user_id", 32 AS "level"
        FROM "f_level_32") AS "t31"
  GROUP BY "key_user_id"
),
"f_reached" AS MATERIALIZED (
  SELECT SUM(CASE WHEN "level" >= 1 THEN 1 ELSE 0 END) AS "reached_1", SUM(CASE WHEN "level" >= 2 THEN 1 ELSE 0 END) AS "reached_2", SUM(CASE WHEN "level" >= 3 THEN 1 ELSE 0 END) AS "reached_3", SUM(CASE WHEN "level" >= 4 THEN 1 ELSE 0 END) AS "reached_4", SUM(CASE WHEN "level" >= 5 THEN 1 ELSE 0 END) AS "reached_5", SUM(CASE WHEN "level" >= 6 THEN 1 ELSE 0 END) AS "reached_6", SUM(CASE WHEN "level" >= 7 THEN 1 ELSE 0 END) AS "reached_7", SUM(CASE WHEN "level" >= 8 THEN 1 ELSE 0 END) AS "reached_8", SUM(CASE WHEN "level" >= 9 THEN 1 ELSE 0 END) AS "reached_9", SUM(CASE WHEN "level" >= 10 THEN 1 ELSE 0 END) AS "reached_10", SUM(CASE WHEN "level" >= 11 THEN 1 ELSE 0 END) AS "reached_11", SUM(CASE WHEN "level" >= 12 THEN 1 ELSE 0 END) AS "reached_12", SUM(CASE WHEN "level" >= 13 THEN 1 ELSE 0 END) AS "reached_13", SUM(CASE WHEN "level" >= 14 THEN 1 ELSE 0 END) AS "reached_14", SUM(CASE WHEN "level" >= 15 THEN 1 ELSE 0 END) AS "reached_15", SUM(CASE WHEN "level" >= 16 THEN 1 ELSE 0 END) AS "reached_16", SUM(CASE WHEN "level" >= 17 THEN 1 ELSE 0 END) AS "reached_17", SUM(CASE WHEN "level" >= 18 THEN 1 ELSE 0 END) AS "reached_18", SUM(CASE WHEN "level" >= 19 THEN 1 ELSE 0 END) AS "reached_19", SUM(CASE WHEN "level" >= 20 THEN 1 ELSE 0 END) AS "reached_20", SUM(CASE WHEN "level" >= 21 THEN 1 ELSE 0 END) AS "reached_21", SUM(CASE WHEN "level" >= 22 THEN 1 ELSE 0 END) AS "reached_22", SUM(CASE WHEN "level" >= 23 THEN 1 ELSE 0 END) AS "reached_23", SUM(CASE WHEN "level" >= 24 THEN 1 ELSE 0 END) AS "reached_24", SUM(CASE WHEN "level" >= 25 THEN 1 ELSE 0 END) AS "reached_25", SUM(CASE WHEN "level" >= 26 THEN 1 ELSE 0 END) AS "reached_26", SUM(CASE WHEN "level" >= 27 THEN 1 ELSE 0 END) AS "reached_27", SUM(CASE WHEN "level" >= 28 THEN 1 ELSE 0 END) AS "reached_28", SUM(CASE WHEN "level" >= 29 THEN 1 ELSE 0 END) AS "reached_29", SUM(CASE WHEN "level" >= 30 THEN 1 ELSE 0 END) AS "reached_30", SUM(CASE WHEN "level" >= 31 THEN 1 ELSE 0 END) AS "reached_31", SUM(CASE WHEN "level" >= 32 THEN 1 ELSE 0 END) AS "reached_32"
  FROM "f_attempts"
  WHERE "level" >= 1
),
"f_step_counts" AS MATERIALIZED (
  SELECT 1 AS "step", 's01' AS "name", COALESCE("reached_1", 0) AS "count", CAST(NULL AS INTEGER) AS "previous_count", CAST(NULL AS INTEGER) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 2 AS "step", 's02' AS "name", COALESCE("reached_2", 0) AS "count", COALESCE("reached_1", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 3 AS "step", 's03' AS "name", COALESCE("reached_3", 0) AS "count", COALESCE("reached_2", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 4 AS "step", 's04' AS "name", COALESCE("reached_4", 0) AS "count", COALESCE("reached_3", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 5 AS "step", 's05' AS "name", COALESCE("reached_5", 0) AS "count", COALESCE("reached_4", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 6 AS "step", 's06' AS "name", COALESCE("reached_6", 0) AS "count", COALESCE("reached_5", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 7 AS "step", 's07' AS "name", COALESCE("reached_7", 0) AS "count", COALESCE("reached_6", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 8 AS "step", 's08' AS "name", COALESCE("reached_8", 0) AS "count", COALESCE("reached_7", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 9 AS "step", 's09' AS "name", COALESCE("reached_9", 0) AS "count", COALESCE("reached_8", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 10 AS "step", 's10' AS "name", COALESCE("reached_10", 0) AS "count", COALESCE("reached_9", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 11 AS "step", 's11' AS "name", COALESCE("reached_11", 0) AS "count", COALESCE("reached_10", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 12 AS "step", 's12' AS "name", COALESCE("reached_12", 0) AS "count", COALESCE("reached_11", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 13 AS "step", 's13' AS "name", COALESCE("reached_13", 0) AS "count", COALESCE("reached_12", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 14 AS "step", 's14' AS "name", COALESCE("reached_14", 0) AS "count", COALESCE("reached_13", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 15 AS "step", 's15' AS "name", COALESCE("reached_15", 0) AS "count", COALESCE("reached_14", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 16 AS "step", 's16' AS "name", COALESCE("reached_16", 0) AS "count", COALESCE("reached_15", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 17 AS "step", 's17' AS "name", COALESCE("reached_17", 0) AS "count", COALESCE("reached_16", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 18 AS "step", 's18' AS "name", COALESCE("reached_18", 0) AS "count", COALESCE("reached_17", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 19 AS "step", 's19' AS "name", COALESCE("reached_19", 0) AS "count", COALESCE("reached_18", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 20 AS "step", 's20' AS "name", COALESCE("reached_20", 0) AS "count", COALESCE("reached_19", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 21 AS "step", 's21' AS "name", COALESCE("reached_21", 0) AS "count", COALESCE("reached_20", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 22 AS "step", 's22' AS "name", COALESCE("reached_22", 0) AS "count", COALESCE("reached_21", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 23 AS "step", 's23' AS "name", COALESCE("reached_23", 0) AS "count", COALESCE("reached_22", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 24 AS "step", 's24' AS "name", COALESCE("reached_24", 0) AS "count", COALESCE("reached_23", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 25 AS "step", 's25' AS "name", COALESCE("reached_25", 0) AS "count", COALESCE("reached_24", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 26 AS "step", 's26' AS "name", COALESCE("reached_26", 0) AS "count", COALESCE("reached_25", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 27 AS "step", 's27' AS "name", COALESCE("reached_27", 0) AS "count", COALESCE("reached_26", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 28 AS "step", 's28' AS "name", COALESCE("reached_28", 0) AS "count", COALESCE("reached_27", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 29 AS "step", 's29' AS "name", COALESCE("reached_29", 0) AS "count", COALESCE("reached_28", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 30 AS "step", 's30' AS "name", COALESCE("reached_30", 0) AS "count", COALESCE("reached_29", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 31 AS "step", 's31' AS "name", COALESCE("reached_31", 0) AS "count", COALESCE("reached_30", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
  UNION ALL
  SELECT 32 AS "step", 's32' AS "name", COALESCE("reached_32", 0) AS "count", COALESCE("reached_31", 0) AS "previous_count", COALESCE("reached_1", 0) AS "first_count"
  FROM "f_reached"
)
SELECT "step", "name", "count", CAST(((20000 * "count" + "previous_count") // (NULLIF(2 * "previous_count", 0))) AS DOUBLE) / 1.000E2 AS "conversion_from_previous", CAST(((20000 * "count" + "first_count") // (NULLIF(2 * "first_count", 0))) AS DOUBLE) / 1.000E2 AS "conversion_from_first"
FROM "f_step_counts"
