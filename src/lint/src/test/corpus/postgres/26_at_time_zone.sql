-- Orders per local day in the store's time zone.
-- expect:
CREATE TABLE stores (store_id integer PRIMARY KEY, name text NOT NULL, timezone text NOT NULL);

SELECT (o.created_at AT TIME ZONE 'UTC' AT TIME ZONE s.timezone)::date AS local_day,
       s.store_id,
       COUNT(*) AS orders
FROM orders o
JOIN stores s ON s.store_id = o.store_id
WHERE o.created_at >= TIMESTAMP WITH TIME ZONE '2024-03-01 00:00:00+00'
GROUP BY 1, 2;
