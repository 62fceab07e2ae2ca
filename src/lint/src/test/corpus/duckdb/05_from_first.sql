-- A quick look with FROM first.
-- expect:
FROM events
SELECT kind, count(*) AS n
WHERE ts > now() - INTERVAL 1 DAY
GROUP BY kind;
