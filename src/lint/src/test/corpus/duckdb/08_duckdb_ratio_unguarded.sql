-- Cart abandonment per day: DuckDB returns NULL for a day without carts.
-- expect: TBD
SELECT day,
       count(*) FILTER (WHERE NOT purchased) / count(*) FILTER (WHERE carted) AS abandonment
FROM cart_sessions
GROUP BY day;
