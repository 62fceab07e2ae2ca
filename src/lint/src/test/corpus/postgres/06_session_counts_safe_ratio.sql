-- Pages per session: the denominators cannot be zero.
-- expect:
WITH per_user AS (
    SELECT user_id, COUNT(*) AS sessions, SUM(pageviews) AS pageviews
    FROM sessions
    GROUP BY user_id
)
SELECT user_id,
       pageviews / (sessions + 1)::float AS smoothed_pages,
       SUM(pageviews) OVER () / GREATEST(COUNT(*) OVER (), 1) AS overall
FROM per_user;
