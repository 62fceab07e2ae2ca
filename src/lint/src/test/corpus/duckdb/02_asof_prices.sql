-- Order value in USD at the exchange rate in force when the order was placed.
-- expect:
SELECT date_trunc('day', o.ordered_at) AS day,
       SUM(o.amount * r.usd_rate) AS revenue_usd,
       COUNT(*) AS orders
FROM orders o
ASOF JOIN fx_rates r
  ON r.currency = o.currency AND o.ordered_at >= r.valid_from
GROUP BY ALL
ORDER BY ALL;
