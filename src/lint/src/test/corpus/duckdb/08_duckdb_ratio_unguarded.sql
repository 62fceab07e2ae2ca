-- Cart abandonment per day: DuckDB returns NULL for a day without carts.
-- expect: FQL009@4:48
SELECT day,
       count(*) FILTER (WHERE NOT purchased) / count(*) FILTER (WHERE carted) AS abandonment
FROM cart_sessions
GROUP BY day;
