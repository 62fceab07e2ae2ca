-- Alerting windows written the many ways PostgreSQL accepts.
-- expect:
SELECT COUNT(*) FILTER (WHERE e.ts > now() - INTERVAL '1 day 2 hours') AS last_26h,
       COUNT(*) FILTER (WHERE e.ts > now() - INTERVAL 'P1D') AS last_day_iso,
       COUNT(*) FILTER (WHERE e.ts > now() - INTERVAL 'PT90M') AS last_90_minutes,
       COUNT(*) FILTER (WHERE e.ts > now() - '2 weeks'::interval) AS last_2_weeks,
       COUNT(*) FILTER (WHERE e.ts > now() - CAST('1 mon' AS interval)) AS last_month,
       COUNT(*) FILTER (WHERE e.ts > now() - INTERVAL '01:30:00') AS last_90_minutes_clock,
       COUNT(*) FILTER (WHERE e.ts > now() - interval '1 year 2 mons 3 days') AS last_14_months,
       COUNT(*) FILTER (WHERE e.ts > now() - INTERVAL '45 secs') AS last_45_seconds
FROM errors e;
