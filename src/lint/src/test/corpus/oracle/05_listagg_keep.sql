-- Each customer's channels and the channel of their latest order.
-- expect:
SELECT o.customer_id,
       LISTAGG(DISTINCT o.channel, ', ') WITHIN GROUP (ORDER BY o.channel) AS channels,
       MAX(o.channel) KEEP (DENSE_RANK LAST ORDER BY o.ordered_at, o.order_id) AS last_channel
FROM orders o
GROUP BY o.customer_id;
