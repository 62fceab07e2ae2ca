-- Sessions from gaps, then pageviews per session through a range join.
-- expect:
CREATE TABLE pageviews AS SELECT * FROM read_csv_auto('pageviews.csv');

WITH sessions AS (
    SELECT user_id, ts AS session_start,
           lead(ts) OVER (PARTITION BY user_id ORDER BY ts, url) AS next_session_start
    FROM (
        SELECT user_id, ts, ts - lag(ts) OVER (PARTITION BY user_id ORDER BY ts, url) AS gap
        FROM pageviews
    )
    WHERE gap IS NULL OR gap > INTERVAL 30 MINUTE
)
SELECT s.user_id, s.session_start, count(*) AS pages
FROM sessions s
JOIN pageviews p
  ON p.user_id = s.user_id
 AND p.ts >= s.session_start
 AND p.ts < coalesce(s.next_session_start, TIMESTAMP '9999-12-31')
GROUP BY ALL;
