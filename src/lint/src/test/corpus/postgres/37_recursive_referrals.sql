-- Referral chains up to five levels, with the root referrer's campaign.
-- expect:
CREATE TABLE users (user_id bigint PRIMARY KEY, referred_by bigint REFERENCES users, campaign text);

WITH RECURSIVE chain AS (
    SELECT user_id, referred_by, user_id AS root_id, 1 AS depth
    FROM users
    WHERE referred_by IS NULL
    UNION ALL
    SELECT u.user_id, u.referred_by, c.root_id, c.depth + 1
    FROM users u
    JOIN chain c ON u.referred_by = c.user_id
    WHERE c.depth < 5
)
SELECT r.campaign, c.depth, COUNT(*) AS users
FROM chain c
JOIN users r ON r.user_id = c.root_id
GROUP BY 1, 2;
