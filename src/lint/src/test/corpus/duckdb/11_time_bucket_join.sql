-- Hourly active users joined to hourly deploys by truncating both sides.
-- expect: FQL002@3:21, FQL007@5:18
SELECT d.deploy_id, count(DISTINCT e.user_id) AS users_in_hour
FROM deploys d
JOIN events e ON time_bucket(INTERVAL '1 hour', e.ts) = time_bucket(INTERVAL '1 hour', d.deployed_at)
GROUP BY d.deploy_id;
