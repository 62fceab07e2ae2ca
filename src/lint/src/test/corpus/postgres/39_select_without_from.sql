-- A freshness check a dashboard runs before its funnel: SELECT … WHERE without FROM.
-- expect:
SELECT now() AS checked_at, 'stale' AS status
WHERE NOT EXISTS (
    SELECT 1 FROM events WHERE occurred_at > now() - INTERVAL '15 min'
);
