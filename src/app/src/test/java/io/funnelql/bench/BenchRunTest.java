package io.funnelql.bench;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Tiny runs on the real engines: every variant agrees, the table lists them all. No timing is asserted. */
class BenchRunTest {
    private static BenchReport run(Specification specification, String query, int events, Duration timeout,
                                   StringWriter progress) {
        Query selected = specification.query(query).orElseThrow();
        Bench.Settings settings = new Bench.Settings(events, 300, 42, specification, selected, Map.of(),
                List.of("duckdb", "postgres"), true, true, List.of(), 1, timeout, "test");
        return Bench.run(settings, new PrintWriter(progress));
    }

    @Test
    void everyVariantOfTheDefaultFunnelAgreesAndTheMarkdownTableListsThemAll() {
        StringWriter progress = new StringWriter();
        BenchReport report = run(BenchSpecs.builtIn(), BenchSpecs.DEFAULT_QUERY, 20_000, Duration.ofSeconds(120), progress);
        assertThat(report.measurements()).extracting(m -> m.engine() + " " + m.name()).containsExactly(
                "reference presorted", "reference unsorted",
                "duckdb generated SQL", "duckdb naive self-join", "duckdb naive CTE chain",
                "duckdb expert chain", "postgres generated SQL", "postgres naive self-join", "postgres naive CTE chain",
                "postgres expert chain");
        assertThat(report.measurements()).allSatisfy(m -> {
            assertThat(m.failure()).isEmpty();
            assertThat(m.agrees()).contains(true);
        });
        assertThat(report.allAgree()).isTrue();
        String markdown = report.markdown();
        assertThat(markdown).contains("| variant | engine | median | events/s | vs expert | vs generated SQL |", "cores",
                "GiB memory", "command: `test`", "**generated SQL ÷ expert SQL (median time): duckdb ");
        assertThat(markdown).containsPattern("\\| expert chain \\| duckdb \\| [^|]+ \\| [^|]+ \\| 1\\.00× \\|");
        for (String variant : List.of("| presorted | reference |", "| unsorted | reference |",
                "| generated SQL | duckdb |", "| naive self-join | duckdb |", "| naive CTE chain | duckdb |",
                "| expert chain | duckdb |", "| generated SQL | postgres |", "| naive self-join | postgres |",
                "| naive CTE chain | postgres |", "| expert chain | postgres |")) {
            assertThat(markdown).contains(variant);
        }
        assertThat(progress.toString()).contains("bench: generating 20000 events", "run 1/1: duckdb naive self-join");
    }

    @Test
    void pathsAndSequencesAgreeWithTheirExpertsOnEveryEngine() {
        for (String query : List.of("after_view", "cart_then_purchase", "after_first_cart")) {
            BenchReport report = run(BenchSpecs.builtIn(), query, 5_000, Duration.ofSeconds(120), new StringWriter());
            assertThat(report.measurements()).as(query).allSatisfy(m -> assertThat(m.agrees()).contains(true));
            assertThat(report.measurements()).as(query).filteredOn(m -> m.name().equals("generated SQL"))
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(report.measurements()).as(query).filteredOn(m -> m.name().startsWith("expert "))
                    .hasSizeGreaterThanOrEqualTo(2);
            assertThat(report.text()).as(query).contains("generated SQL ÷ expert SQL");
        }
    }

    @Test
    void sessionsRetentionAndTheClickHouseFunnelAgreeToo() {
        for (String query : List.of("visits", "daily", "checkout_clickhouse", "checkout_strict_once")) {
            BenchReport report = run(BenchSpecs.builtIn(), query, 5_000, Duration.ofSeconds(120), new StringWriter());
            assertThat(report.measurements()).as(query).allSatisfy(m -> assertThat(m.agrees()).contains(true));
            // Sessions and retention compare fingerprints (rows, then each column's values), not a
            // bare row count an engine could answer without computing the columns; the single window
            // pass returns only the number of sessions.
            if (!query.startsWith("checkout_")) {
                assertThat(report.measurements()).as(query).filteredOn(m -> !m.name().equals("single window pass"))
                        .allSatisfy(m -> assertThat(m.counts().orElseThrow()).hasSizeGreaterThan(5));
            }
            // Sessions and retention have an expert of their own on each engine; the funnel's expert
            // chain answers checkout, so it is no yardstick for the ClickHouse profile's two.
            assertThat(report.text()).as(query).matches(text -> text.contains("generated SQL ÷ expert SQL")
                    == !query.startsWith("checkout_"));
        }
        assertThat(BenchSpecs.baselines(BenchSpecs.builtIn().query("visits").orElseThrow(), TargetDialect.POSTGRES))
                .extracting(Baseline::name, Baseline::returns).containsExactly(
                        tuple("expert sessions", Baseline.Returns.ROWS), tuple("single window pass", Baseline.Returns.ROW_COUNT));
        assertThat(BenchSpecs.baselines(BenchSpecs.builtIn().query("visits").orElseThrow(), TargetDialect.POSTGRES).get(0).sql())
                .contains("array_agg");
        assertThat(BenchSpecs.baselines(BenchSpecs.builtIn().query("visits").orElseThrow(), TargetDialect.DUCKDB).get(0).sql())
                .contains("arg_min");
    }

    @Test
    void aGeneratedManyStepFunnelAgrees() {
        Specification specification = BenchSpecs.withSteps(12);
        BenchReport report = run(specification, BenchSpecs.stepsQueryName(12), 5_000, Duration.ofSeconds(120),
                new StringWriter());
        assertThat(report.measurements()).allSatisfy(m -> assertThat(m.agrees()).contains(true));
        assertThat(report.measurements().get(0).counts().orElseThrow()).hasSize(12);
    }

    @Test
    void aVariantPastItsBudgetIsReportedAsATimeoutAndNotRepeated() {
        StringWriter progress = new StringWriter();
        Specification specification = BenchSpecs.builtIn();
        Bench.Settings settings = new Bench.Settings(20_000, 300, 42, specification,
                specification.query(BenchSpecs.DEFAULT_QUERY).orElseThrow(), Map.of(), List.of("duckdb"), false, true, List.of("generated", "self-join"), 2,
                Duration.ofMillis(1), "test");
        BenchReport report = Bench.run(settings, new PrintWriter(progress));
        assertThat(report.measurements()).extracting(Measurement::name).containsExactly("generated SQL", "naive self-join");
        assertThat(report.measurements()).allSatisfy(m -> assertThat(m.isTimedOut()).isTrue());
        assertThat(report.text()).contains("timeout (> 0 s)", "was cancelled and was not repeated");
        assertThat(progress.toString()).contains("run 2/2: duckdb naive self-join: skipped (timed out before)");
    }
}
