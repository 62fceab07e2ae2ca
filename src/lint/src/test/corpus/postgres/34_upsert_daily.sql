-- Nightly upsert of the daily funnel table.
-- expect:
INSERT INTO marts.daily_signups AS d (day, signups, verified)
SELECT created_at::date, COUNT(*), COUNT(*) FILTER (WHERE verified_at IS NOT NULL)
FROM users
WHERE created_at >= CURRENT_DATE - 1 AND created_at < CURRENT_DATE
GROUP BY 1
ON CONFLICT (day) DO UPDATE SET signups = EXCLUDED.signups, verified = EXCLUDED.verified
RETURNING d.day;
