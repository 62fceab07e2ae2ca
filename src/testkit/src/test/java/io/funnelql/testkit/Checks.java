package io.funnelql.testkit;

/** Specs and events the kit's own tests share. */
final class Checks {
    static final String SPEC = """
            source events from table events (key user_id, time occurred_at, columns (event_name varchar));
            param since timestamp default timestamp '2024-01-01 00:00:00';
            funnel checkout from events
              where occurred_at >= :since
              within 1 hour from first step
              steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart', purchase: event_name = 'purchase');
            """;

    static final String EVENTS = """
            user_id,occurred_at,event_name
            u1,2024-01-01 10:00:00,page_view
            u1,2024-01-01 10:05:00,add_to_cart
            u1,2024-01-01 10:20:00,purchase
            u2,2024-01-02 11:00:00,page_view
            u2,2024-01-02 11:10:00,add_to_cart
            u3,2024-01-03 12:00:00,page_view
            """;

    static final String ROWS = """
            step,name,count,conversion_from_previous,conversion_from_first
            1,view,3,,
            2,cart,2,66.67,66.67
            3,purchase,1,50.0,33.33
            """;

    /** ROWS with one wrong count: what every engine and the reference must be caught disagreeing with. */
    static final String WRONG_ROWS = ROWS.replace("2,cart,2,", "2,cart,3,");

    private Checks() {}

    static QueryCheck checkout() {
        return FunnelQL.specText(SPEC).eventsCsv(EVENTS);
    }
}
