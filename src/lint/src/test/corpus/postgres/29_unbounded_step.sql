-- Trial starts followed by a subscription, "eventually": no upper bound on the step.
-- expect: FQL002@4:8, FQL005@10:6
SELECT date_trunc('month', t.ts) AS month,
       COUNT(DISTINCT t.user_id) AS trials,
       COUNT(DISTINCT s.user_id) AS subscribed
FROM events t
LEFT JOIN events s
  ON s.user_id = t.user_id
 AND s.event_type = 'subscribe'
 AND s.ts > t.ts
WHERE t.event_type = 'trial_start'
GROUP BY 1;
