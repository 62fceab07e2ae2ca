-- Impression -> detail view -> play over one events table. Every detail view and play in the
-- window joins each impression, so a second detail view counts the impression twice.
WITH impressions AS (
  SELECT user_id, occurred_at AS shown_at FROM events WHERE event_name = 'impression'
), details AS (
  SELECT user_id, occurred_at AS viewed_at FROM events WHERE event_name = 'detail_view'
), plays AS (
  SELECT user_id, occurred_at AS started_at FROM events WHERE event_name = 'play'
)
SELECT COUNT(*)         AS impression,
       COUNT(d.user_id) AS detail,
       COUNT(p.user_id) AS play
FROM impressions i
LEFT JOIN details d
  ON d.user_id = i.user_id
 AND d.viewed_at > i.shown_at AND d.viewed_at <= i.shown_at + INTERVAL '30 minutes'
LEFT JOIN plays p
  ON p.user_id = i.user_id
 AND p.started_at > d.viewed_at AND p.started_at <= i.shown_at + INTERVAL '30 minutes';
