-- Users active last month but not this month, top rows only.
-- expect:
SELECT user_id FROM (
    SELECT user_id FROM logins WHERE logged_in_at >= ADD_MONTHS(TRUNC(SYSDATE, 'MM'), -1) AND logged_in_at < TRUNC(SYSDATE, 'MM')
    MINUS
    SELECT user_id FROM logins WHERE logged_in_at >= TRUNC(SYSDATE, 'MM')
)
WHERE ROWNUM <= 100;
