WITH `weekly_events_events` AS (
  SELECT `occurred_at` `event_time`, unix_micros(CAST(`occurred_at` AS TIMESTAMP)) `event_micros`
  FROM `events`
  WHERE `occurred_at` IS NOT NULL
),
`weekly_events_periods` AS (
  SELECT `event_time`, `event_micros`, date_from_unix_date(CAST((CAST(unix_date((CAST(convert_timezone('UTC', 'America/New_York' , `event_time` ) AS DATE)) ) AS BIGINT) - MOD(CAST(unix_date((CAST(convert_timezone('UTC', 'America/New_York' , `event_time` ) AS DATE)) ) AS BIGINT) + 3, 7)) AS INT)) `period_start`
  FROM `weekly_events_events`
),
`weekly_events_totals` AS (
  SELECT `period_start`, COUNT(*) `events`
  FROM `weekly_events_periods`
  GROUP BY `period_start`
)
SELECT `period_start`, CAST(`events` AS BIGINT) `events`
FROM `weekly_events_totals`
