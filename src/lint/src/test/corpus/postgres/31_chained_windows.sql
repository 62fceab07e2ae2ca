-- Onboarding funnel: each step within a day of the previous one (the windows add up).
-- expect: FQL002@3:8, FQL004@10:26
SELECT COUNT(DISTINCT s.user_id) AS signed_up,
       COUNT(DISTINCT p.user_id) AS profiled,
       COUNT(DISTINCT i.user_id) AS invited
FROM events s
LEFT JOIN events p ON p.user_id = s.user_id AND p.name = 'profile_done'
     AND p.ts > s.ts AND p.ts <= s.ts + INTERVAL '1 day'
LEFT JOIN events i ON i.user_id = p.user_id AND i.name = 'invite_sent'
     AND i.ts > p.ts AND i.ts <= p.ts + INTERVAL '1 day'
WHERE s.name = 'signup';
