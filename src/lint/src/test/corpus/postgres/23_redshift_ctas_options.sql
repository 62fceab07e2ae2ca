-- A Redshift table built nightly, with distribution and sort keys.
-- expect:
CREATE TABLE IF NOT EXISTS marts.daily_funnel
DISTKEY (day)
SORTKEY (day)
AS
SELECT TRUNC(v.viewed_at) AS day,
       COUNT(*) AS views,
       SUM(CASE WHEN v.added_to_cart THEN 1 ELSE 0 END) AS carts
FROM marts.product_views v
GROUP BY 1;

SELECT day, carts::float / NULLIF(views, 0) AS cart_rate FROM marts.daily_funnel ORDER BY day DESC LIMIT 30;
