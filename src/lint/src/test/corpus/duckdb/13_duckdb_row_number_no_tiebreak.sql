-- Last page of each visit: ordered by the hit time alone.
-- expect: FQL008@7:78
CREATE TABLE hits (visit_id VARCHAR, hit_number INTEGER, page VARCHAR, hit_at TIMESTAMP);

SELECT visit_id, page AS exit_page
FROM (
    SELECT visit_id, page, row_number() OVER (PARTITION BY visit_id ORDER BY hit_at DESC) AS r
    FROM hits
)
WHERE r = 1;
