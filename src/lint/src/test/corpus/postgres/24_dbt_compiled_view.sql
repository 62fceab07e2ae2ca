/* {"app": "dbt", "dbt_version": "1.7.4", "profile_name": "warehouse", "target_name": "prod", "node_id": "model.analytics.fct_signup_funnel"} */

  create view "analytics"."dbt_prod"."fct_signup_funnel__dbt_tmp"
    
    
  as (
    with  __dbt__cte__stg_events as (
select
    event_id,
    user_id,
    lower(event_type) as event_type,
    "timestamp" as occurred_at
from "analytics"."raw"."events"
), visits as (
    select user_id, min(occurred_at) as visited_at
    from __dbt__cte__stg_events
    where event_type = 'visit'
    group by 1
), signups as (
    select user_id, min(occurred_at) as signed_up_at
    from __dbt__cte__stg_events
    where event_type = 'signup'
    group by 1
)
select
    date_trunc('day', v.visited_at) as day,
    count(*) as visitors,
    count(s.user_id) as signups
from visits v
left join signups s
    on s.user_id = v.user_id
   and s.signed_up_at >= v.visited_at
group by 1
  );
-- expect:
