-- A helper function (skipped) and a query using dollar-quoted patterns.
-- expect:
CREATE OR REPLACE FUNCTION app.week_start(ts timestamptz) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
    SELECT date_trunc('week', ts)::date;
$$;

SELECT app.week_start(e.ts) AS week, COUNT(*) AS errors
FROM events e
WHERE e.message ~ $re$timeout|deadline$re$
GROUP BY 1;
