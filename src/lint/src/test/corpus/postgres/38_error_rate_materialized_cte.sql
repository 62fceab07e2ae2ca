-- Error rate per service and hour, with a materialized CTE and casts after FILTER.
-- expect:
WITH recent AS MATERIALIZED (
    SELECT service, date_trunc('hour', logged_at) AS hour, level
    FROM logs
    WHERE logged_at >= now() - INTERVAL '24 hours'
      AND tags && ARRAY['prod']::text[]
)
SELECT service, hour,
       COUNT(*) FILTER (WHERE level = 'error')::float / GREATEST(COUNT(*), 1) AS error_rate
FROM recent
GROUP BY service, hour
ORDER BY hour DESC, error_rate DESC;
