-- Revenue per day from the purchase events' JSON properties, coupons only.
-- expect:
CREATE OR REPLACE VIEW reporting.coupon_revenue AS
SELECT date_trunc('day', e.ts) AS day,
       SUM((e.properties ->> 'amount_cents')::int) / 100.0 AS revenue,
       COUNT(DISTINCT e.properties -> 'coupon' ->> 'code') AS coupons_used
FROM events e
WHERE e.name = 'purchase'
  AND e.properties ? 'coupon'
  AND e.properties @> '{"currency": "EUR"}'::jsonb
GROUP BY 1;
