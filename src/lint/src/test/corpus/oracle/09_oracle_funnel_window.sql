-- Quote -> order within 14 days, both bounds, earliest order per quote.
-- expect:
CREATE TABLE quotes (quote_id NUMBER PRIMARY KEY, account_id NUMBER, quoted_at DATE);

SELECT q.account_id, COUNT(*) AS quotes, COUNT(o.first_order_at) AS won
FROM quotes q
LEFT JOIN (
    SELECT q2.quote_id, MIN(o2.ordered_at) AS first_order_at
    FROM quotes q2
    JOIN orders o2 ON o2.account_id = q2.account_id
     AND o2.ordered_at >= q2.quoted_at AND o2.ordered_at < q2.quoted_at + 14
    GROUP BY q2.quote_id
) o ON o.quote_id = q.quote_id
GROUP BY q.account_id;
