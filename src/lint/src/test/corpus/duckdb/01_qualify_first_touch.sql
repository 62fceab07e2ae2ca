-- First touch per user with QUALIFY; the event id breaks ties.
-- expect:
SELECT user_id, channel, ts
FROM read_parquet('touches/*.parquet')
QUALIFY ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts, touch_id) = 1;
