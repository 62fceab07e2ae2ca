-- Product view -> add to cart -> purchase, "within an hour". Each step's window is measured from
-- the step before it, so a purchase 1h59m after the view still converts.
WITH steps AS (
  SELECT v.event_id AS view_id,
         MIN(c.occurred_at) AS carted_at,
         MIN(p.occurred_at) AS purchased_at
  FROM events v
  LEFT JOIN events c
    ON c.user_id = v.user_id
   AND c.event_name = 'add_to_cart'
   AND c.occurred_at > v.occurred_at
   AND c.occurred_at <= v.occurred_at + INTERVAL '1 hour'
  LEFT JOIN events p
    ON p.user_id = c.user_id
   AND p.event_name = 'purchase'
   AND p.occurred_at > c.occurred_at
   AND p.occurred_at <= c.occurred_at + INTERVAL '1 hour'
  WHERE v.event_name = 'product_view'
  GROUP BY v.event_id
)
SELECT COUNT(*) AS views,
       COUNT(carted_at) AS carts,
       COUNT(purchased_at) AS purchases
FROM steps;
