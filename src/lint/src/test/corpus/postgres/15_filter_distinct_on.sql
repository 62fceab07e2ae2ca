-- Last known plan per account with DISTINCT ON, then trial conversions per plan with FILTER.
-- expect:
WITH last_plan AS (
    SELECT DISTINCT ON (account_id) account_id, plan, changed_at
    FROM plan_changes
    ORDER BY account_id, changed_at DESC, change_id DESC
)
SELECT lp.plan,
       COUNT(*) FILTER (WHERE t.converted) AS converted,
       COUNT(*) AS trials,
       ROUND(100.0 * COUNT(*) FILTER (WHERE t.converted) / COUNT(*), 1) AS pct
FROM trials t
JOIN last_plan lp ON lp.account_id = t.account_id
GROUP BY lp.plan;
