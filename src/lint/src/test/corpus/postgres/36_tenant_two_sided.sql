-- Seats per subscription: both tables carry the workspace, and the join forgets it.
-- tenant-column: workspace_id
-- expect: FQL003@12:23
CREATE TABLE subscriptions (
    workspace_id bigint NOT NULL,
    subscription_id bigint PRIMARY KEY,
    plan text NOT NULL
);

SELECT s.subscription_id, s.plan, COUNT(m.member_id) AS seats
FROM subscriptions s
JOIN memberships m ON m.subscription_id = s.subscription_id
WHERE s.workspace_id = 42 AND m.workspace_id IS NOT NULL
GROUP BY 1, 2;
