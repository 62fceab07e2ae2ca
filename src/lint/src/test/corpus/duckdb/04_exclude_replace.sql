-- Export of the sessions table without PII and with rounded durations.
-- expect:
SELECT * EXCLUDE (ip_address, user_agent) REPLACE (round(duration_s / 60.0, 1) AS duration_s)
FROM sessions
WHERE started_at >= DATE '2024-01-01';
