-- Signup -> purchase conversion per campaign: integer division and no guard.
-- expect: FQL009@9:8, FQL009@10:36
WITH first_purchases AS (
    SELECT user_id, MIN(purchased_at) AS purchased_at FROM purchases GROUP BY user_id
)
SELECT s.campaign,
       COUNT(*) AS signups,
       COUNT(p.user_id) AS buyers,
       COUNT(p.user_id) * 100 / COUNT(*) AS conversion_pct_truncated,
       COUNT(p.user_id)::numeric / COUNT(s.referrer) AS referred_rate
FROM signups s
LEFT JOIN first_purchases p ON p.user_id = s.user_id
GROUP BY s.campaign;
