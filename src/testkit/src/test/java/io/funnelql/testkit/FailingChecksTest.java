package io.funnelql.testkit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The kit fails, with a message that says what and where, whenever it should; on real engines, no mocks. */
class FailingChecksTest {
    private static final String HEADLINE = "funnelql: query checkout of inline spec over events inline events: ";
    private static final String HEADLINE_OF_BREAKDOWN = "funnelql: query f of inline spec over events inline events: ";

    @Test
    void wrongRowsFailOnTheReferenceAndOnEveryEngine() {
        AssertionFailedError failure =
                fails(() -> Checks.checkout().onEngines(Engine.values()).assertRows(Checks.WRONG_ROWS));

        assertThat(failure.getMessage())
                .startsWith(HEADLINE + "not the expected rows on reference, duckdb, postgres, h2, oracle-h2\n\n"
                        + "on the reference executor (- expected, + reference):\n"
                        + "  - 2 | cart | 3 | 66.67d | 66.67d\n"
                        + "  + 2 | cart | 2 | 66.67d | 66.67d\n\n"
                        + "on duckdb — DuckDB ")
                .contains("\n\non postgres — PostgreSQL ")
                .contains("\n\non h2 — H2 ")
                .endsWith("\n\non oracle-h2 — H2 in Oracle mode (not a real Oracle): the same rows as the reference"
                        + " executor")
                .doesNotContain("the SQL that ran");
        assertThat(failure.getExpected().getStringRepresentation()).isEqualTo(Checks.WRONG_ROWS);
        assertThat(failure.getActual().getStringRepresentation()).isEqualTo(Checks.ROWS);
    }

    /**
     * A real disagreement: the SQL names a breakdown that repeats a count by column
     * {@code title_id0} (Calcite keeps output names unique) where the reference says
     * {@code title_id} — the known defect held by golden/cases/breakdown-by-count-by-column/skip.
     * When that is fixed, this test needs another disagreement.
     */
    @Test
    void anEngineThatDisagreesWithTheReferenceFailsWithItsDiffAndSql() {
        QueryCheck check = FunnelQL.specText("""
                        source events from table events (key user_id, time occurred_at, columns (event_name varchar, title_id bigint));
                        funnel f from events within 1 hour from first step
                          count by user_id, title_id
                          steps (a: event_name = 'a', b: event_name = 'b')
                          breakdown by title_id attributed to first step
                          report per key;
                        """)
                .eventsCsv("""
                        user_id,title_id,occurred_at,event_name
                        u1,1,2024-01-01 10:00:00,a
                        u1,1,2024-01-01 10:10:00,b
                        """)
                .onEngines(Engine.DUCKDB);

        AssertionFailedError disagreement = fails(check::assertAgreement);
        assertThat(disagreement.getMessage())
                .startsWith(HEADLINE_OF_BREAKDOWN + "not the reference executor's rows on duckdb\n\n")
                .contains("title_id0", "-- the SQL that ran on duckdb:\n-- FunnelQL: funnel f for DuckDB\nWITH ");
    }

    @Test
    void aSpecThatDoesNotCheckFailsWithItsFileLineAndColumn(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("broken.fql");
        Files.writeString(file, """
                source events from table events (key user_id, time occurred_at, columns (event_name varchar));
                funnel checkout from evnts within 1 hour from first step
                  steps (view: event_name = 'view');
                """);

        AssertionFailedError failure = fails(() -> FunnelQL.spec(file));

        assertThat(failure.getMessage()).startsWith(file + ":2:22: error: unknown source evnts; did you mean 'events'?\n")
                .contains("    funnel checkout from evnts");
        assertThat(failure.getCause()).isNull();
        assertThat(fails(() -> FunnelQL.specText("funnel checkout from\n")).getMessage()).startsWith("inline spec:");
        assertThat(fails(() -> FunnelQL.spec(directory.resolve("missing.fql"))).getMessage())
                .isEqualTo("funnelql: " + directory.resolve("missing.fql") + ": no such file");
    }

    @Test
    void anUnknownQueryNameFailsListingTheQueries() {
        SpecUnderTest spec = FunnelQL.spec(Path.of("examples/checkout.fql"));

        assertThat(fails(() -> spec.query("chekout")).getMessage())
                .isEqualTo("funnelql: examples/checkout.fql has no query named 'chekout'; it has: checkout, visits, weekly");
        assertThat(fails(() -> spec.events(Path.of("examples/events.csv"))).getMessage())
                .startsWith("funnelql: examples/checkout.fql has 3 queries; choose one")
                .endsWith("(checkout, visits, weekly)");
    }

    @Test
    void badEventsParametersAndExpectedRowsFailWithTheirPlace() {
        assertThat(fails(() -> FunnelQL.specText(Checks.SPEC).eventsCsv("""
                user_id,occurred_at,event_name
                u1,yesterday,page_view
                """)).getMessage())
                .startsWith("funnelql: inline events:2:2: column occurred_at: 'yesterday' is not a timestamp");
        assertThat(fails(() -> FunnelQL.specText(Checks.SPEC).events(Path.of("no-such-events.csv"))).getMessage())
                .isEqualTo("funnelql: no-such-events.csv: no such file");
        assertThat(fails(() -> Checks.checkout().parameter("sinse", "2024-01-01 00:00:00").rows()).getMessage())
                .contains("declares no parameter sinse");
        assertThat(fails(() -> Checks.checkout().parameter("since", "monday").rows()).getMessage())
                .contains("since=monday: not a timestamp");
        assertThat(fails(() -> Checks.checkout().assertRows("step,name,count\n1,view\n")).getMessage())
                .isEqualTo(HEADLINE + "the expected rows record 2 has 2 fields; the header has 3");
        assertThat(fails(() -> Checks.checkout().assertRows(Path.of("no-such-rows.csv"))).getMessage())
                .isEqualTo("funnelql: no-such-rows.csv: no such file");
    }

    @Test
    void aQueryTheCompilerRefusesFailsOnThatEngine() {
        // The one refusal left (docs/dialects.md): ClickHouse's strict_once with ties allowed.
        AssertionFailedError failure = fails(() -> FunnelQL.specText("""
                        source events from table events (key user_id, time occurred_at, columns (event_name varchar));
                        funnel f from events within 1 hour from first step mode strict_once
                          steps (a: event_name = 'a', b: event_name = 'b')
                          report per key;
                        """)
                .eventsCsv("""
                        user_id,occurred_at,event_name
                        u1,2024-01-01 10:00:00,a
                        """)
                .onEngines(Engine.DUCKDB).assertAgreement());

        assertThat(failure.getMessage())
                .startsWith(HEADLINE_OF_BREAKDOWN + "not the reference executor's rows on duckdb\n\non duckdb — DuckDB ")
                .contains(": the compiler refuses the query for duckdb: mode strict_once with entry latest in profile"
                        + " clickhouse is not compiled to SQL");
    }

    @Test
    void assertAgreementNeedsEngines() {
        assertThat(fails(Checks.checkout()::assertAgreement).getMessage())
                .isEqualTo(HEADLINE + "assertAgreement() compares engines with the reference executor, and none is"
                        + " chosen; call onEngines(...) first");
    }

    private static AssertionFailedError fails(Runnable check) {
        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class, check::run);
        assertThat(failure).as("the check fails").isNotNull();
        return failure;
    }
}
