-- Support tickets reopened after closing: no upper bound on the reopening.
-- expect: FQL001@5:25, FQL005@5:85
SELECT c.ticket_id, COUNT(*) AS reopenings
FROM ticket_events c
JOIN ticket_events r ON r.ticket_id = c.ticket_id AND r.event_type = 'REOPENED' AND r.event_at > c.event_at
WHERE c.event_type = 'CLOSED'
GROUP BY c.ticket_id;
