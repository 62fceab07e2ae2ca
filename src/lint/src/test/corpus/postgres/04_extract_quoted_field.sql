-- Activity by hour of day and weekday, as exported from a BI tool.
-- expect:
SELECT EXTRACT('dow' FROM e.timestamp) AS weekday,
       EXTRACT('hour' FROM e.timestamp) AS hour_of_day,
       COUNT(*) AS events,
       COUNT(DISTINCT e.user_id) AS users
FROM events e
WHERE e.timestamp >= now() - INTERVAL '28 days'
GROUP BY 1, 2
ORDER BY 1, 2;
