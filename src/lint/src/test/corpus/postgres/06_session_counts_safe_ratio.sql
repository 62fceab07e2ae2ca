-- Pages per session and per visitor: none of these denominators can be zero, and the casts
-- to a floating type keep the fractions.
-- expect:
WITH per_user AS (
    SELECT user_id, COUNT(*) AS sessions, SUM(pageviews) AS pageviews
    FROM sessions
    GROUP BY user_id
)
SELECT SUM(pageviews) / (COUNT(*) + 1)::float AS smoothed_pages_per_user,
       SUM(pageviews) / GREATEST(COUNT(user_id), 1) AS pages_per_user,
       SUM(pageviews)::float / SUM(sessions) AS pages_per_session,
       COUNT(*)::float / (SUM(sessions) + COUNT(*)) AS users_per_visit
FROM per_user;
