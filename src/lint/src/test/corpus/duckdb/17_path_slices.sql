-- The first steps of each user's path, with DuckDB's list slices (the settings row is one row: no fan-out),
-- and a check query without FROM.
-- expect:
WITH paths AS (
    SELECT user_id, list(event_name ORDER BY occurred_at, event_id) AS path
    FROM events
    GROUP BY user_id
)
SELECT path[1:3] AS first_three, path[2:] AS after_entry, path[:n_steps] AS head, count(*) AS users
FROM paths, (SELECT 3 AS n_steps) settings
GROUP BY ALL;

SELECT 'events are fresh' AS status
WHERE (SELECT max(occurred_at) FROM events) > now() - INTERVAL 1 HOUR;
