-- The same funnel, each impression counted once: the later steps are reduced to one row per
-- impression before they are joined.
WITH detail AS (
  SELECT i.impression_id, MIN(d.viewed_at) AS viewed_at
  FROM impressions i
  JOIN detail_views d
    ON d.user_id = i.user_id
   AND d.viewed_at BETWEEN i.shown_at AND i.shown_at + INTERVAL '30 minutes'
  GROUP BY i.impression_id
),
play AS (
  SELECT i.impression_id, MIN(p.started_at) AS started_at
  FROM impressions i
  JOIN plays p
    ON p.user_id = i.user_id
   AND p.started_at BETWEEN i.shown_at AND i.shown_at + INTERVAL '30 minutes'
  GROUP BY i.impression_id
)
SELECT i.campaign_id,
       COUNT(*) AS impressions,
       COUNT(d.viewed_at) AS details,
       COUNT(p.started_at) AS plays,
       100.0 * COUNT(p.started_at) / NULLIF(COUNT(*), 0) AS play_rate
FROM impressions i
LEFT JOIN detail d ON d.impression_id = i.impression_id
LEFT JOIN play p ON p.impression_id = i.impression_id
GROUP BY i.campaign_id;
