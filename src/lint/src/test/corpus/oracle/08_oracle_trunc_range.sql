-- Last month's logins, filtered on a truncated column.
-- expect: FQL007@5:7
SELECT COUNT(*) AS logins, COUNT(DISTINCT l.user_id) AS users
FROM logins l
WHERE TRUNC(l.logged_in_at) BETWEEN ADD_MONTHS(TRUNC(SYSDATE, 'MM'), -1) AND TRUNC(SYSDATE, 'MM') - 1;
