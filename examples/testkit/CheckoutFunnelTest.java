import io.funnelql.testkit.FunnelQL;
import io.funnelql.testkit.QueryResult;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static io.funnelql.testkit.Engine.DUCKDB;
import static io.funnelql.testkit.Engine.H2;
import static io.funnelql.testkit.Engine.ORACLE_H2;
import static io.funnelql.testkit.Engine.POSTGRES;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The checkout funnel of examples/checkout.fql, tested as a team would test its own specs. */
class CheckoutFunnelTest {

    @Test
    void checkoutFunnelOnTheSampleEvents() {
        FunnelQL.spec(Path.of("examples/checkout.fql"))
                .query("checkout")
                .events(Path.of("examples/events.csv"))
                .onEngines(DUCKDB, H2, ORACLE_H2, POSTGRES)
                .assertRows("""
                        platform,step,name,count,conversion_from_previous,conversion_from_first
                        ,1,view,19,,
                        ,2,cart,11,57.89,57.89
                        ,3,purchase,5,45.45,26.32
                        android,1,view,13,,
                        android,2,cart,8,61.54,61.54
                        android,3,purchase,5,62.5,38.46
                        ios,1,view,19,,
                        ios,2,cart,16,84.21,84.21
                        ios,3,purchase,7,43.75,36.84
                        web,1,view,19,,
                        web,2,cart,16,84.21,84.21
                        web,3,purchase,6,37.5,31.58
                        """);
    }

    @Test
    void theEnginesWeDeployToAgreeFromALaterPeriodStart() {
        FunnelQL.spec(Path.of("examples/checkout.fql"))
                .query("checkout")
                .events(Path.of("examples/events.csv"))
                .parameter("period_start", "2024-11-01 00:00:00")
                .onEngines(DUCKDB, POSTGRES)
                .assertAgreement();
    }

    @Test
    void aRefundBetweenCartAndPurchaseDropsThePurchase() {
        var check = FunnelQL.specText("""
                        source events from table events (key user_id, time occurred_at, columns (event_name varchar));
                        funnel checkout from events
                          within 1 hour from first step
                          steps (
                            view:     event_name = 'page_view',
                            cart:     event_name = 'add_to_cart',
                            purchase: event_name = 'purchase'
                          )
                          exclude refund: event_name = 'refund' between cart and purchase;
                        """)
                .eventsCsv("""
                        user_id,occurred_at,event_name
                        u1,2024-01-01 10:00:00,page_view
                        u1,2024-01-01 10:05:00,add_to_cart
                        u1,2024-01-01 10:20:00,purchase
                        u2,2024-01-01 11:00:00,page_view
                        u2,2024-01-01 11:10:00,add_to_cart
                        u2,2024-01-01 11:15:00,refund
                        u2,2024-01-01 11:30:00,purchase
                        u3,2024-01-01 12:00:00,page_view
                        u3,2024-01-01 13:30:00,add_to_cart
                        """)
                .onEngines(DUCKDB, H2, ORACLE_H2, POSTGRES);

        check.assertRows("""
                step,name,count,conversion_from_previous,conversion_from_first
                1,view,3,,
                2,cart,2,66.67,66.67
                3,purchase,1,50.0,33.33
                """);

        QueryResult result = check.rows(); // the reference executor's rows, for assertions of your own
        assertEquals(1L, result.rows().get(2).get(2));
    }

    @Test
    void theHandWrittenImpressionFunnelWeAreReplacingAgreesWithItsSpec() throws IOException {
        FunnelQL.spec(Path.of("examples/lint/against/impression_funnel.fql"))
                .eventsCsv("""
                        user_id,occurred_at,event_name
                        u1,2024-01-01 10:00:00,impression
                        u1,2024-01-01 10:05:00,detail_view
                        u1,2024-01-01 10:10:00,detail_view
                        u1,2024-01-01 10:20:00,play
                        u2,2024-01-01 11:00:00,impression
                        u2,2024-01-01 11:40:00,detail_view
                        """)
                .onEngines(DUCKDB, POSTGRES)
                .assertSqlAgrees(Files.readString(Path.of("examples/lint/against/impression_funnel_fixed.sql")));
    }
}
