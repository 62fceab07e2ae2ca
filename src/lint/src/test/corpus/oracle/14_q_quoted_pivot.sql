-- Funnel steps as columns with Oracle's PIVOT; labels written with q'[…]' quoting.
-- expect: FQL009@14:50
SELECT *
FROM (
    SELECT account_id, step_name, user_id
    FROM funnel_steps
    WHERE campaign = q'[spring 'launch']'
)
PIVOT (
    COUNT(DISTINCT user_id) AS users
    FOR step_name IN ('view' AS viewed, 'cart' AS carted, 'buy' bought)
);

SELECT account_id, q'{it's}' AS note, COUNT(*) / COUNT(DISTINCT user_id) AS events_per_user
FROM funnel_steps
GROUP BY account_id;
