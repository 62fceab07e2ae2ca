-- Daily active users over the last 30 days, zero-filled with generate_series.
-- expect:
SELECT d.day::date AS day,
       COALESCE(a.users, 0) AS active_users
FROM generate_series(CURRENT_DATE - INTERVAL '29 days', CURRENT_DATE, INTERVAL '1 day') AS d(day)
LEFT JOIN LATERAL (
    SELECT COUNT(DISTINCT e.user_id) AS users
    FROM events e
    WHERE e.occurred_at >= d.day
      AND e.occurred_at < d.day + INTERVAL '1 day'
) a ON true
ORDER BY 1;
