-- Orders with their invoice, old-style outer join.
-- expect:
CREATE TABLE invoices (invoice_id NUMBER PRIMARY KEY, order_id NUMBER UNIQUE, amount NUMBER(12, 2));

SELECT o.order_id, o.order_date, NVL(i.amount, 0) AS invoiced
FROM orders o, invoices i
WHERE i.order_id(+) = o.order_id
  AND o.order_date >= TO_DATE('2024-01-01', 'YYYY-MM-DD');
