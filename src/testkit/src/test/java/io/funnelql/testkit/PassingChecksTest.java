package io.funnelql.testkit;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The kit passes when the rows are right, on the reference and on every real engine (run from the repository root). */
class PassingChecksTest {

    @Test
    void inlineSpecEventsAndRowsPassOnEveryEngine() {
        Checks.checkout().onEngines(Engine.values()).assertRows(Checks.ROWS);
        Checks.checkout().onEngines(Engine.values()).assertAgreement();
    }

    @Test
    void expectedRowsMayComeFromAFileAndInAnyOrder() {
        Path folder = Path.of("golden/cases/multi-tenant-no-leak");
        QueryCheck check = FunnelQL.spec(folder.resolve("spec.fql")).events(folder.resolve("events.csv"));
        check.onEngines(Engine.DUCKDB, Engine.POSTGRES).assertRows(folder.resolve("expected.csv"));
        check.assertRows("""
                account_id,user_id,furthest_step,furthest_step_name
                initech,u2,0,
                globex,u2,1,a
                acme,u1,1,a
                acme,u3,0,
                acme,u2,2,b
                globex,u1,0,
                """);
    }

    @Test
    void rowsAreTheReferenceResultAndTakeParameters() {
        QueryResult all = Checks.checkout().rows();
        assertThat(all.columns()).containsExactly("step", "name", "count", "conversion_from_previous",
                "conversion_from_first");
        assertThat(all.rows().get(0)).containsExactly(1L, "view", 3L, null, null);
        assertThat(all.csv()).isEqualTo(Checks.ROWS);

        QueryResult later = Checks.checkout().parameter("since", "2024-01-02 00:00:00").rows();
        assertThat(later.rows()).extracting(row -> row.get(2)).containsExactly(2L, 1L, 0L);
    }

    @Test
    void aQueryIsChosenByName() {
        String twoQueries = Checks.SPEC + """
                funnel browse from events within 1 hour from first step
                  steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart');
                """;
        FunnelQL.specText(twoQueries).query("checkout").eventsCsv(Checks.EVENTS).onEngines(Engine.DUCKDB)
                .assertRows(Checks.ROWS);
        FunnelQL.specText(twoQueries).query("browse").eventsCsv(Checks.EVENTS).onEngines(Engine.DUCKDB)
                .assertRows("""
                        step,name,count,conversion_from_previous,conversion_from_first
                        1,view,3,,
                        2,cart,2,66.67,66.67
                        """);
    }

    @Test
    void everyStepReturnsANewObjectAndLeavesItsSourceAsItWas() {
        QueryCheck base = Checks.checkout();
        QueryCheck onDuckDb = base.onEngines(Engine.DUCKDB);
        QueryCheck later = base.parameter("since", "2024-01-02 00:00:00");

        assertThat(List.of(onDuckDb, later)).doesNotContain(base);
        onDuckDb.assertAgreement();
        assertThatThrownBy(base::assertAgreement).hasMessageContaining("none is chosen");
        assertThatThrownBy(later::assertAgreement).hasMessageContaining("none is chosen");
        assertThat(base.rows()).isNotEqualTo(later.rows());
        assertThat(base.rows()).isEqualTo(Checks.checkout().rows());

        SpecUnderTest spec = FunnelQL.spec(Path.of("examples/checkout.fql"));
        assertThat(spec.query("visits")).isNotSameAs(spec);
    }
}
