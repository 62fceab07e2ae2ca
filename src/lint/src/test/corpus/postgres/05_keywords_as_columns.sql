-- Page timings: the tracking table names its columns time, timestamp and row.
-- expect:
SELECT p.row AS row,
       p.time,
       date_trunc('hour', p.timestamp) AS hour,
       AVG(p.time) AS avg_ms
FROM page_timings p
WHERE p.timestamp > CURRENT_DATE - 7
GROUP BY p.row, p.time, 3
ORDER BY hour, row;
