-- A quick look with FROM first.
-- expect: TBD
FROM events
SELECT kind, count(*) AS n
WHERE ts > now() - INTERVAL 1 DAY
GROUP BY kind;
