-- Funnel for one campaign and date range, run from psql with -v campaign=… -v since=…
-- expect:
\set ON_ERROR_STOP on
SELECT COUNT(*) AS landed,
       COUNT(*) FILTER (WHERE l.signed_up) AS signed_up
FROM landings l
WHERE l.campaign = :'campaign'
  AND l.landed_at >= :'since'::timestamptz
  AND l.landed_at < :'since'::timestamptz + INTERVAL '1 week';

-- The same from the application, with positional parameters.
SELECT COUNT(*) FROM landings WHERE campaign = $1 AND landed_at >= $2 AND landed_at < $2 + '7 days'::interval;
