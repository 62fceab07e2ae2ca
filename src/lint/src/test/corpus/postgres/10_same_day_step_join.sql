-- Same-day add-to-cart after a product view: the day equality bounds the step from above.
-- expect: FQL002@12:8
CREATE TABLE events (
    event_id bigint PRIMARY KEY,
    user_id bigint NOT NULL,
    event_name text NOT NULL,
    event_day date NOT NULL,
    occurred timestamptz NOT NULL
);

SELECT v.event_day,
       COUNT(DISTINCT v.user_id) AS viewers,
       COUNT(DISTINCT c.user_id) AS carted
FROM events v
LEFT JOIN events c
  ON c.user_id = v.user_id
 AND c.event_name = 'add_to_cart'
 AND c.occurred > v.occurred
 AND c.event_day = v.event_day
WHERE v.event_name = 'product_view'
GROUP BY v.event_day;
