-- The same funnel without fan-out: each impression keeps only its earliest detail view, then
-- that detail view's earliest play, each reduced to one row per impression before the next join.
WITH impressions AS (
  SELECT user_id, occurred_at AS shown_at,
         ROW_NUMBER() OVER (ORDER BY user_id, occurred_at) AS impression_id
  FROM events WHERE event_name = 'impression'
), reached_detail AS (
  SELECT i.impression_id, i.user_id, i.shown_at, MIN(d.occurred_at) AS viewed_at
  FROM impressions i
  LEFT JOIN events d
    ON d.user_id = i.user_id AND d.event_name = 'detail_view'
   AND d.occurred_at > i.shown_at AND d.occurred_at <= i.shown_at + INTERVAL '30 minutes'
  GROUP BY i.impression_id, i.user_id, i.shown_at
), reached_play AS (
  SELECT r.impression_id, r.viewed_at, MIN(p.occurred_at) AS started_at
  FROM reached_detail r
  LEFT JOIN events p
    ON p.user_id = r.user_id AND p.event_name = 'play'
   AND p.occurred_at > r.viewed_at AND p.occurred_at <= r.shown_at + INTERVAL '30 minutes'
  GROUP BY r.impression_id, r.viewed_at
)
SELECT COUNT(*) AS impression, COUNT(viewed_at) AS detail, COUNT(started_at) AS play
FROM reached_play;
