-- Nightly merge of yesterday's conversions into the summary table.
-- expect:
MERGE INTO conversion_summary t
USING (
    SELECT TRUNC(c.converted_at) AS day, c.campaign_id, COUNT(*) AS conversions
    FROM conversions c
    WHERE c.converted_at >= TRUNC(SYSDATE) - 1 AND c.converted_at < TRUNC(SYSDATE)
    GROUP BY TRUNC(c.converted_at), c.campaign_id
) s
ON (t.day = s.day AND t.campaign_id = s.campaign_id)
WHEN MATCHED THEN UPDATE SET t.conversions = s.conversions
WHEN NOT MATCHED THEN INSERT (day, campaign_id, conversions) VALUES (s.day, s.campaign_id, s.conversions);
