-- Detail view -> play within 30 minutes, per day. Each view counts once: the plays are
-- reduced to the first one per view before the join.
-- expect:
WITH first_play AS (
    SELECT v.event_id AS view_id, MIN(p.occurred_at) AS played_at
    FROM events v
    JOIN events p
      ON p.user_id = v.user_id
     AND p.event_name = 'play'
     AND p.occurred_at > v.occurred_at
     AND p.occurred_at <= v.occurred_at + INTERVAL '30 min'
    WHERE v.event_name = 'detail_view'
    GROUP BY v.event_id
)
SELECT v.occurred_at::date AS day,
       COUNT(*) AS views,
       COUNT(f.played_at) AS plays
FROM events v
LEFT JOIN first_play f ON f.view_id = v.event_id
WHERE v.event_name = 'detail_view'
GROUP BY 1
ORDER BY 1;
