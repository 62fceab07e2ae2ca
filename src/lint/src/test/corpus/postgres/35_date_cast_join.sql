-- Ad spend joined to signups on the day: casting both times to dates defeats the index.
-- expect: FQL007@7:56
CREATE TABLE ad_spend (campaign_id int, spend_date date, spend numeric(12, 2), PRIMARY KEY (campaign_id, spend_date));

SELECT a.campaign_id, a.spend_date, a.spend, COUNT(u.user_id) AS signups
FROM ad_spend a
LEFT JOIN users u ON u.campaign_id = a.campaign_id AND u.created_at::date = a.spend_date
GROUP BY 1, 2, 3;
