-- Impression -> detail page -> play, per campaign. Every later detail view and play of the user
-- matches each impression, so the counts are multiplied.
SELECT i.campaign_id,
       COUNT(*)   AS impressions,
       COUNT(d.user_id) AS details,
       COUNT(p.user_id) AS plays
FROM impressions i
LEFT JOIN detail_views d
  ON d.user_id = i.user_id
 AND d.viewed_at BETWEEN i.shown_at AND i.shown_at + INTERVAL '30 minutes'
LEFT JOIN plays p
  ON p.user_id = i.user_id
 AND p.started_at BETWEEN i.shown_at AND i.shown_at + INTERVAL '30 minutes'
GROUP BY i.campaign_id;
