package io.funnelql.testkit;

import io.funnelql.compiler.CompilationException;
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
    private static final Path AGAINST = Path.of("examples", "lint", "against"); // tests run from the repository root

    @Test
    void wrongRowsFailOnTheReferenceAndOnEveryEngine() {
        AssertionFailedError failure =
                fails(() -> Checks.checkout().onEngines(Engine.values()).assertRows(Checks.WRONG_ROWS));

        assertThat(failure.getMessage())
                .startsWith(HEADLINE + "not the expected rows on reference, duckdb, postgres, h2, oracle-h2, spark\n\n"
                        + "on the reference executor (- expected, + reference):\n"
                        + "  - 2 | cart | 3 | 66.67d | 66.67d\n"
                        + "  + 2 | cart | 2 | 66.67d | 66.67d\n\n"
                        + "on duckdb — DuckDB ")
                .contains("\n\non postgres — PostgreSQL ")
                .contains("\n\non h2 — H2 ")
                .contains("\n\non oracle-h2 — H2 in Oracle mode (not a real Oracle): the same rows as the reference"
                        + " executor")
                .containsPattern("\n\non spark — Spark SQL [0-9.]+ \\(local\\[2\\]\\): the same rows as the reference executor$")
                .doesNotContain("the SQL that ran");
        assertThat(failure.getExpected().getStringRepresentation()).isEqualTo(Checks.WRONG_ROWS);
        assertThat(failure.getActual().getStringRepresentation()).isEqualTo(Checks.ROWS);
    }

    /**
     * A real disagreement: a hand-written impression → detail → play funnel that joins every
     * later detail view to each impression counts the impression, and all after it, twice
     * (examples/lint/against).
     */
    @Test
    void handWrittenSqlThatDisagreesWithTheSpecFailsWithItsDiffAndSql() throws IOException {
        String fanOut = Files.readString(AGAINST.resolve("impression_funnel_fanout.sql"));

        AssertionFailedError disagreement = fails(() -> impressionFunnel().onEngines(Engine.DUCKDB, Engine.POSTGRES)
                .assertSqlAgrees(fanOut));

        assertThat(disagreement.getMessage())
                .startsWith("funnelql: query impression_to_play of examples/lint/against/impression_funnel.fql over events inline events: your"
                        + " SQL does not return the reference executor's rows on duckdb, postgres\n\non duckdb — DuckDB ")
                .contains(" (- reference, + your SQL):\n  - 1 | 1 | 1\n  + 2 | 2 | 2\n\non postgres — PostgreSQL ")
                .contains("-- the SQL that ran on duckdb:\n-- Impression -> detail view -> play");
    }

    @Test
    void handWrittenSqlThatAgreesPassesAndWrongColumnsAreNamed() throws IOException {
        impressionFunnel().onEngines(Engine.DUCKDB, Engine.POSTGRES)
                .assertSqlAgrees(Files.readString(AGAINST.resolve("impression_funnel_fixed.sql")));

        assertThat(fails(() -> impressionFunnel().onEngines(Engine.DUCKDB)
                .assertSqlAgrees("SELECT COUNT(*) AS impressions FROM events")).getMessage())
                .contains("your SQL returns columns [impressions], which the query's result does not have: return some of"
                        + " [step, name, count, conversion_from_previous, conversion_from_first, or, one per step:"
                        + " impression, detail, play]");
        assertThat(fails(() -> impressionFunnel().onEngines(Engine.DUCKDB).assertSqlAgrees("SELECT nonsense FROM events"))
                .getMessage()).contains("on duckdb — DuckDB ").contains(": your SQL fails: ");
    }

    private static QueryCheck impressionFunnel() {
        return FunnelQL.spec(AGAINST.resolve("impression_funnel.fql")).eventsCsv("""
                user_id,occurred_at,event_name
                u1,2024-01-01 10:00:00,impression
                u1,2024-01-01 10:05:00,detail_view
                u1,2024-01-01 10:10:00,detail_view
                u1,2024-01-01 10:20:00,play
                """);
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
                .isEqualTo("funnelql: examples/checkout.fql has no query named 'chekout'; it has: checkout, visits, weekly; "
                        + "did you mean 'checkout'?");
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
                .startsWith("funnelql: inline events:2:4: column occurred_at: 'yesterday' is not a timestamp");
        assertThat(fails(() -> FunnelQL.specText(Checks.SPEC).events(Path.of("no-such-events.csv"))).getMessage())
                .isEqualTo("funnelql: no-such-events.csv: no such file");
        assertThat(fails(() -> Checks.checkout().parameter("sinse", "2024-01-01 00:00:00").rows()).getMessage())
                .contains("declares no parameter sinse");
        assertThat(fails(() -> Checks.checkout().parameter("since", "monday").rows()).getMessage())
                .contains("since=monday: not a timestamp");
        assertThat(fails(() -> Checks.checkout().assertRows("step,name,count\n1,view\n")).getMessage())
                .isEqualTo(HEADLINE + "the expected rows:2: 2 fields where the header has 3");
        assertThat(fails(() -> Checks.checkout().assertRows(Path.of("no-such-rows.csv"))).getMessage())
                .isEqualTo("funnelql: no-such-rows.csv: no such file");
    }

    /**
     * The compiler refuses nothing today (docs/dialects.md), so a refusal cannot be provoked
     * through a spec; the kit still reports one, should a compiler bug raise it, as this.
     */
    @Test
    void aRefusalIsReportedWithTheEngineAndTheCompilersReason() {
        Problem refused = Problem.ofEngine(new EngineOutcome.Refused(Engine.DUCKDB, "DuckDB v1",
                new CompilationException("internal error: the plan has a join that may multiply"
                        + " rows")), null, "reference", null).orElseThrow();

        assertThat(refused.text()).isEqualTo("on duckdb — DuckDB v1: the compiler refuses the query for duckdb: internal"
                + " error: the plan has a join that may multiply rows");
        assertThat(refused.sql()).isNull();
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
