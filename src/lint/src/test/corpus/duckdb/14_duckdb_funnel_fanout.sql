-- Searches and clicks of the same day joined per user, then counted: both sides repeat.
-- expect: FQL001@6:6
SELECT s.day, count(*) AS search_click_pairs
FROM (SELECT user_id, ts::DATE AS day FROM searches) s
JOIN (SELECT user_id, ts::DATE AS day FROM clicks) c
  ON c.user_id = s.user_id AND c.day = s.day
GROUP BY s.day;
