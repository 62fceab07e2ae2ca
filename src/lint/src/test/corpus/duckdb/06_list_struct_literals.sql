-- Funnel steps from a list literal, counted with list_contains.
-- expect:
SELECT kind, count(*) AS n, 100.0 * count(*) / sum(count(*)) OVER () AS share
FROM events
WHERE list_contains(['view', 'cart', 'purchase'], kind)
GROUP BY kind;
