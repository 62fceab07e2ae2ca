-- Experiment exposure from a struct column, unnested variants.
-- expect:
SELECT e.experiment.name AS experiment, v.variant, count(*) AS exposures
FROM exposures e, unnest(e.variants) AS v(variant)
WHERE e.experiment.active
GROUP BY 1, 2;
