-- Weekly signups per plan, refreshed nightly by cron.
-- expect:
CREATE MATERIALIZED VIEW IF NOT EXISTS analytics.weekly_signups AS
SELECT date_trunc('week', u.created_at)::date AS week,
       u.plan,
       COUNT(*) AS signups
FROM app.users u
WHERE u.created_at >= DATE '2023-01-01'
GROUP BY 1, 2
WITH NO DATA;

CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS weekly_signups_pk ON analytics.weekly_signups (week, plan);

REFRESH MATERIALIZED VIEW CONCURRENTLY analytics.weekly_signups;
