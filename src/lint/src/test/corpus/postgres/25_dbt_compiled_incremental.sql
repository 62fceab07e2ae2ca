-- expect:
/* {"app": "dbt", "node_id": "model.analytics.fct_sessions"} */

  create temporary table "fct_sessions__dbt_tmp170322591204"
  as (
    select session_id, user_id, min(occurred_at) as started_at, count(*) as pageviews
    from "analytics"."dbt_prod"."stg_pageviews"
    where occurred_at > (select max(started_at) from "analytics"."dbt_prod"."fct_sessions")
    group by 1, 2
  );

      insert into "analytics"."dbt_prod"."fct_sessions" ("session_id", "user_id", "started_at", "pageviews")
    (
        select "session_id", "user_id", "started_at", "pageviews"
        from "fct_sessions__dbt_tmp170322591204"
    )
  ;
