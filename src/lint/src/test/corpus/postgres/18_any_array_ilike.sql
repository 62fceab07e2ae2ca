-- Searches that led to a play, for the marketing team's keyword list.
-- expect:
SELECT s.query,
       COUNT(*) AS searches
FROM searches s
WHERE s.query ILIKE ANY (ARRAY['%trailer%', '%official%'])
  AND s.user_id = ANY(:'user_ids'::bigint[])
  AND s.platform <> ALL ('{tv,console}'::text[])
GROUP BY s.query
HAVING COUNT(*) > 10;
