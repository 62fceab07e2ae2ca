-- View -> play within 30 minutes, DuckDB interval syntax, reduced to one play per view.
-- expect:
WITH plays AS (
    SELECT v.event_id, min(p.ts) AS played_at
    FROM events v
    JOIN events p ON p.user_id = v.user_id AND p.kind = 'play'
     AND p.ts > v.ts AND p.ts <= v.ts + INTERVAL 30 MINUTES
    WHERE v.kind = 'view'
    GROUP BY v.event_id
)
SELECT count(*) AS views_with_play, avg(epoch(played_at)) AS avg_epoch FROM plays;
