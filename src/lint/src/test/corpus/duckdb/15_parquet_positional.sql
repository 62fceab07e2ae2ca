-- Two exports of the same ordered sessions, lined up row by row.
-- expect:
SELECT count(*) AS sessions, sum(CASE WHEN a.duration_s <> b.duration_s THEN 1 ELSE 0 END) AS mismatches
FROM 'exports/sessions_v1.parquet' a
POSITIONAL JOIN 'exports/sessions_v2.parquet' b;
