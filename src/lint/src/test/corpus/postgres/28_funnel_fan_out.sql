-- A three-step signup funnel joined step to step: both joins multiply rows.
-- expect: FQL001@7:23, FQL001@8:23
SELECT COUNT(*) AS landings,
       COUNT(s.user_id) AS signups,
       COUNT(a.user_id) AS activations
FROM events l
LEFT JOIN events s ON s.user_id = l.user_id AND s.name = 'signup' AND s.ts > l.ts AND s.ts <= l.ts + INTERVAL '1 day'
LEFT JOIN events a ON a.user_id = s.user_id AND a.name = 'activate' AND a.ts > s.ts AND a.ts <= l.ts + INTERVAL '7 days'
WHERE l.name = 'landing';
