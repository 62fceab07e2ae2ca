-- First touch per user: the table declares received as a timestamp, so ordering by it alone ties.
-- expect: FQL008@13:61
CREATE TABLE touches (
    touch_id uuid PRIMARY KEY,
    user_id bigint NOT NULL,
    channel text,
    received timestamptz NOT NULL
);

SELECT user_id, channel
FROM (
    SELECT user_id, channel,
           ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY received) AS rn
    FROM touches
) t
WHERE rn = 1;
