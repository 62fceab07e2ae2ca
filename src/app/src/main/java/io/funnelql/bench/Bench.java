package io.funnelql.bench;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.CompiledQuery.OutputColumn;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelReport;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.engine.Engine;
import io.funnelql.engine.EngineException;
import io.funnelql.engine.Engines;
import io.funnelql.engine.QueryTimeoutException;
import io.funnelql.events.EventTable;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.result.ResultTable;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One benchmark run: generate the events, load them everywhere, then time every variant in
 * rounds (each round runs each variant once, so load on the machine hits all of them alike),
 * and check each variant's counts against the reference executor's for the query it answers.
 */
public final class Bench {
    /**
     * What to run. {@code engines} are {@link Engines} names; {@code variants}, when not empty,
     * keeps only the variants whose name (spaces as '-') contains one of them; {@code command} is
     * echoed in the report.
     */
    public record Settings(int events, int users, long seed, Specification specification, Query query,
                           Map<Name, Object> parameters, List<String> engines, boolean reference,
                           boolean baselines, List<String> variants, int runs, Duration timeout, String command) {
        public Settings {
            engines = List.copyOf(engines);
            variants = List.copyOf(variants);
            parameters = Map.copyOf(parameters);
            if (runs < 1) {
                throw new IllegalArgumentException("runs must be at least 1");
            }
        }
    }

    private final Settings settings;
    private final PrintWriter progress;
    private final Map<String, List<Long>> oracle = new HashMap<>();
    private EventTable unsorted;

    private Bench(Settings settings, PrintWriter progress) {
        this.settings = settings;
        this.progress = progress;
    }

    public static BenchReport run(Settings settings, PrintWriter progress) {
        return new Bench(settings, progress).run();
    }

    private BenchReport run() {
        long started = System.nanoTime();
        Machine machine = Machine.describe();
        Query query = settings.query();
        say("generating " + settings.events() + " events (" + settings.users() + " users, seed " + settings.seed() + ")");
        SyntheticEvents events = SyntheticEvents.generate(settings.events(), settings.users(), settings.seed());
        unsorted = events.unsorted(query.source(), settings.seed());
        List<EventTable> presorted = settings.reference() ? events.presortedByKey(query.source()) : List.of();

        List<Variant> variants = new ArrayList<>();
        if (settings.reference()) {
            variants.add(new Variant("presorted", "reference", name(query), false, false, () -> presortedRun(query, presorted)));
            variants.add(new Variant("unsorted", "reference", name(query), false, false, () -> counts(query,
                    ReferenceExecutor.execute(query, unsorted, settings.parameters()))));
        }
        Map<String, String> engineLabels = new LinkedHashMap<>();
        List<Engine> opened = new ArrayList<>();
        try {
            for (String engineName : settings.engines()) {
                say("starting " + engineName);
                Engine engine = Engines.open(engineName);
                opened.add(engine);
                engineLabels.put(engineName, engine.label() + "; events loaded in " + load(engine) + " (untimed)");
                CompiledQuery compiled = SqlCompiler.compile(query, engine.dialect(), Map.of());
                List<String> columns = compiled.columns().stream().map(OutputColumn::name).toList();
                String sql = returnsSteps(query) ? compiled.sql() : Statements.fingerprint(compiled.sql(), columns, engine.dialect());
                List<Object> binds = binds(compiled);
                variants.add(new Variant("generated SQL", engineName, name(query), false, false,
                        () -> engineCounts(query, engine.query(Statements.withoutTerminator(sql), binds, settings.timeout()))));
                for (Baseline baseline : settings.baselines() ? BenchSpecs.baselines(query, engine.dialect()) : List.<Baseline>of()) {
                    String baselineSql = baseline.returns() == Baseline.Returns.ROWS
                            ? Statements.fingerprint(baseline.sql(), columns, engine.dialect()) : baseline.sql();
                    variants.add(new Variant(baseline.name(), engineName, baseline.agreesWith(), baseline.expert(),
                            baseline.returns() == Baseline.Returns.ROW_COUNT,
                            () -> rowValues(engine.query(baselineSql, List.of(), settings.timeout()))));
                }
            }
            List<Measurement> measurements = time(variants.stream().filter(this::selected).toList());
            expectations(measurements);
            return new BenchReport(settings, machine, events.eventsPerUser(), engineLabels, measurements,
                    Duration.ofNanos(System.nanoTime() - started), Machine.currentLoadAverage());
        } finally {
            for (Engine engine : opened) {
                engine.close();
            }
        }
    }

    private boolean selected(Variant variant) {
        String name = variant.name().replace(' ', '-');
        return settings.variants().isEmpty() || settings.variants().stream().anyMatch(name::contains);
    }

    /** Loads the unsorted events the engine's bulk way and says how long that took. */
    private String load(Engine engine) {
        say("loading " + unsorted.rowCount() + " events into " + engine.label());
        long start = System.nanoTime();
        if (engine.name().equals("postgres")) {
            // Sorts and hashes of a few million rows spill to disk with PostgreSQL's 4 MB default.
            engine.execute("SET work_mem = '256MB'");
        }
        engine.load(unsorted);
        if (engine.name().equals("postgres")) {
            engine.execute("ANALYZE"); // the planner's statistics, as autovacuum would gather them
        }
        String took = BenchReport.seconds(System.nanoTime() - start);
        say("loaded " + engine.name() + " in " + took);
        return took;
    }

    /** Rounds of every variant once; a variant that timed out or failed is dropped from later rounds. */
    private List<Measurement> time(List<Variant> variants) {
        List<Measurement> measurements = variants.stream().map(Measurement::new).toList();
        for (int round = 1; round <= settings.runs(); round++) {
            for (int i = 0; i < variants.size(); i++) {
                Variant variant = variants.get(i);
                Measurement measurement = measurements.get(i);
                String prefix = "run " + round + "/" + settings.runs() + ": " + variant.label();
                if (measurement.finished()) {
                    say(prefix + ": skipped (" + (measurement.isTimedOut() ? "timed out" : "failed") + " before)");
                    continue;
                }
                say(prefix + " ...");
                long start = System.nanoTime();
                try {
                    List<Long> counts = variant.work().run();
                    long elapsed = System.nanoTime() - start;
                    if (elapsed > settings.timeout().toNanos()) {
                        measurement.timedOut(); // the reference cannot be cancelled; past the budget it counts as a timeout
                    } else {
                        measurement.ran(elapsed, counts);
                    }
                    say(prefix + ": " + BenchReport.seconds(elapsed));
                } catch (QueryTimeoutException e) {
                    measurement.timedOut();
                    say(prefix + ": timeout (> " + settings.timeout().toSeconds() + " s), cancelled; not repeated");
                } catch (EngineException | IllegalStateException e) {
                    measurement.failed(e.getMessage());
                    say(prefix + ": FAILED: " + e.getMessage());
                }
            }
        }
        return measurements;
    }

    /** The reference's counts for each query a variant answers, computed once, untimed. */
    private void expectations(List<Measurement> measurements) {
        for (Measurement measurement : measurements) {
            if (measurement.counts().isEmpty()) {
                continue; // timed out or failed: nothing to compare
            }
            String queryName = measurement.agreesWith();
            List<Long> expected = oracle.computeIfAbsent(queryName, this::referenceCounts);
            measurement.expect(expected);
            if (measurement.agrees().filter(agrees -> !agrees).isPresent()) {
                say("!!! DISAGREEMENT: " + measurement.engine() + " " + measurement.name() + " returned "
                        + measurement.counts().orElseThrow() + ", the reference gives " + expected + " for query " + queryName);
            }
        }
    }

    private List<Long> referenceCounts(String queryName) {
        Query query = settings.specification().query(queryName).orElseThrow(
                () -> new IllegalStateException("no query " + queryName + " in the benchmark spec"));
        say("reference counts for " + queryName + " (untimed)");
        return counts(query, ReferenceExecutor.execute(query, unsorted, settings.parameters()));
    }

    private List<Long> presortedRun(Query query, List<EventTable> keys) {
        return counts(query, executePresorted(query, keys, settings.parameters()));
    }

    /** A stream ordered by key hands the executor one key at a time, as {@code run --presorted} does. */
    public static ResultTable executePresorted(Query query, List<EventTable> keys, Map<Name, Object> parameters) {
        QueryExecutor executor = ReferenceExecutor.executor(query);
        for (EventTable key : keys) {
            executor.accumulate(new QueryRows(query, key, parameters));
        }
        return executor.finish();
    }

    private List<Object> binds(CompiledQuery compiled) {
        List<Object> binds = new ArrayList<>();
        for (Parameter parameter : compiled.bindParameters()) {
            binds.add(settings.parameters().get(parameter.name()));
        }
        return binds;
    }

    static boolean returnsSteps(Query query) {
        return query instanceof FunnelQuery funnel && funnel.report() == FunnelReport.STEPS;
    }

    /**
     * What variants compare: a steps report's counts in step order; for any other result its
     * fingerprint, the number of rows and then each column's number of non-NULL values ({@link
     * Statements#fingerprint}).
     */
    static List<Long> counts(Query query, ResultTable result) {
        if (!returnsSteps(query)) {
            List<Long> fingerprint = new ArrayList<>();
            fingerprint.add((long) result.rows().size());
            for (int column = 0; column < result.columns().size(); column++) {
                int index = column;
                fingerprint.add(result.rows().stream().filter(row -> row.get(index) != null).count());
            }
            return fingerprint;
        }
        int column = result.columns().indexOf("count");
        return result.rows().stream().map(row -> ((Number) row.get(column)).longValue()).toList();
    }

    /** An engine's generated SQL: a steps report as is, anything else already reduced to its fingerprint. */
    private static List<Long> engineCounts(Query query, ResultTable result) {
        return returnsSteps(query) ? counts(query, result) : rowValues(result);
    }

    /** A baseline's one row of counts. */
    private static List<Long> rowValues(ResultTable result) {
        if (result.rows().size() != 1) {
            throw new IllegalStateException("expected one row of counts, got " + result.rows().size());
        }
        return result.rows().get(0).stream().map(value -> value == null ? 0L : ((Number) value).longValue()).toList();
    }

    private static String name(Query query) {
        return query.name().value();
    }

    private void say(String message) {
        progress.println("bench: " + message);
        progress.flush();
    }
}
