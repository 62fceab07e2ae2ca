package io.funnelql.golden.differential;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.engine.Engine;
import io.funnelql.events.EventTable;
import io.funnelql.golden.SharedEngines;
import io.funnelql.golden.SpecParameters;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.result.ResultTable;
import io.funnelql.verify.EngineRun;
import io.funnelql.verify.ResultDiff;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The differential suite of docs/differential-testing.md: for generated (spec, dataset) pairs,
 * every engine's rows equal the reference executor's. A failure shrinks, then prints the pair
 * as a ready-to-commit golden case ({@link GoldenCaseText}).
 */
class DifferentialTest {
    /** Datasets per generated spec: the spec compiles once per dialect and runs over all of them. */
    static final int DATASETS_PER_SPEC = 8;
    /**
     * Datasets per spec whose result rows each name a user: they run as one table
     * ({@link Batch}), one load and one execution per engine for all of them.
     */
    static final int DATASETS_PER_BATCH = 208;

    /** The engines that run a batch as one table; the others run its first {@link #DATASETS_PER_SPEC} datasets one by one. */
    static final List<String> BATCHED_ENGINES = List.of("duckdb", "postgres");
    static final List<String> UNBATCHED_ENGINES = SharedEngines.EVERY_TRY.stream()
            .filter(name -> !BATCHED_ENGINES.contains(name)).toList();

    private static final DifferentialTally TALLY = new DifferentialTally();

    @AfterContainer
    static void report() {
        System.out.println(TALLY.summary());
        SharedEngines.closeAll();
    }

    @Property
    @AddLifecycleHook(RunSettings.class) // tries and seed: fixed, or -Dfunnelql.tries / -Dfunnelql.seed
    void everyEngineAgreesWithTheReference(@ForAll("cases") DifferentialCase sample) {
        check(sample, BATCHED_ENGINES, UNBATCHED_ENGINES);
    }

    /**
     * Spark takes seconds per query where the others take milliseconds: it runs the first few pairs
     * of the same seed ({@link RunSettings#SPARK_TRIES_PROPERTY}, fixed by default), a batch as one
     * table like DuckDB and PostgreSQL.
     */
    @Property
    @AddLifecycleHook(RunSettings.Spark.class)
    void sparkAgreesWithTheReference(@ForAll("cases") DifferentialCase sample) {
        check(sample, List.of("spark"), List.of());
    }

    /**
     * Sequence specs alone, on every engine but Spark: patterns are where a matcher's choices hide
     * (which landing comes first, the end of the events, whole seconds), so they get tries of their
     * own besides their share of {@link #everyEngineAgreesWithTheReference}.
     */
    @Property
    @AddLifecycleHook(RunSettings.Sequences.class)
    void sequencesAgreeWithTheReference(@ForAll("sequenceCases") DifferentialCase sample) {
        check(sample, BATCHED_ENGINES, UNBATCHED_ENGINES);
    }

    /**
     * Paths specs alone, on every engine but Spark: ties at one time, gaps and windows on their
     * boundaries, NULL nodes and ties in counts at the top-N cut, besides their share of {@link
     * #everyEngineAgreesWithTheReference}.
     */
    @Property
    @AddLifecycleHook(RunSettings.Paths.class)
    void pathsAgreeWithTheReference(@ForAll("pathCases") DifferentialCase sample) {
        check(sample, BATCHED_ENGINES, UNBATCHED_ENGINES);
    }

    /** One generated pair on the engines given: a batch on {@code batched} as one table, dataset by dataset on the others. */
    private static void check(DifferentialCase sample, List<String> batched, List<String> unbatched) {
        GeneratedSpec spec = sample.spec();
        Specification specification = spec.specification();
        Query query = specification.queries().get(0);
        Map<Name, Object> parameters = SpecParameters.defaults(specification);
        Map<String, CompiledQuery> compiled = new HashMap<>();
        long start = System.nanoTime();
        if (sample.batched()) {
            Batch batch = Batch.of(spec, sample.datasets());
            String csv = EventsCsv.write(spec.shape(), batch.rows());
            EventTable events = EventsCsv.read(csv, query.source());
            ResultTable reference = reference(spec, query, csv, events, parameters);
            for (int i = 0; i < sample.datasets().size(); i++) {
                List<List<Object>> rows = Batch.renamed(spec, sample.datasets().get(i).rows(spec), i);
                String alone = EventsCsv.write(spec.shape(), rows);
                EventTable own = EventsCsv.read(alone, query.source());
                ResultTable result = reference(spec, query, alone, own, parameters);
                keysAreIsolated(spec, query, result, i, csv, reference);
                if (i < DATASETS_PER_SPEC) {
                    // H2 re-runs nested CTEs per probing row: its time grows with the square of a table's rows
                    // (and more), so it runs datasets one by one, as many as an unbatched spec has.
                    engines(unbatched, spec, query, alone, own, result, compiled, parameters, 1);
                    TALLY.pair(EdgeClasses.of(spec, rows));
                } else {
                    TALLY.batchedPair(EdgeClasses.of(spec, rows));
                }
            }
            engines(batched, spec, query, csv, events, reference, compiled, parameters, sample.datasets().size());
            TALLY.batch();
        } else {
            for (Dataset dataset : sample.datasets()) {
                String csv = EventsCsv.write(spec, dataset);
                EventTable events = EventsCsv.read(csv, query.source());
                ResultTable reference = reference(spec, query, csv, events, parameters);
                engines(Stream.concat(batched.stream(), unbatched.stream()).toList(), spec, query, csv, events, reference,
                        compiled, parameters, 1);
                TALLY.pair(EdgeClasses.of(spec, dataset.rows(spec)));
            }
        }
        TALLY.spec(query, System.nanoTime() - start);
    }

    /**
     * The engines' rows over one table. Oracle stores '' as NULL, so its rows are compared with
     * the reference over the table Oracle holds ({@link Engine#held}).
     */
    private static void engines(List<String> names, GeneratedSpec spec, Query query, String csv, EventTable events,
                                ResultTable reference, Map<String, CompiledQuery> compiled, Map<Name, Object> parameters,
                                int pairs) {
        ResultTable oracleReference = null;
        for (String engineName : names) {
            Engine engine = SharedEngines.engine(engineName);
            CompiledQuery sql = compiled.computeIfAbsent(engineName, name -> compile(spec, query, csv, engine));
            if (tooSlowOn(engineName, sql)) {
                TALLY.skipped(engineName, "candidate chains (strict_once, clickhouse, entry latest)", pairs);
                continue;
            }
            ResultTable expected = reference;
            EventTable held = engine.held(events);
            if (held != events) {
                if (oracleReference == null) {
                    oracleReference = reference(spec, query, csv, held, parameters);
                }
                expected = oracleReference;
            }
            long run = System.nanoTime();
            compare(spec, query, csv, expected, engine, sql, events, parameters);
            TALLY.ran(engineName, System.nanoTime() - run);
        }
    }

    /**
     * The reference's rows for one dataset's users in the batch equal its rows over that dataset
     * alone: what lets one execution over the batch stand for one per dataset.
     */
    private static void keysAreIsolated(GeneratedSpec spec, Query query, ResultTable alone, int dataset, String batchCsv,
                                        ResultTable batchResult) {
        int user = batchResult.columns().indexOf(SourceShape.USER);
        String suffix = Batch.suffix(dataset);
        List<List<Object>> mine = new ArrayList<>();
        for (List<Object> row : batchResult.rows()) {
            if (row.get(user) instanceof String name && name.endsWith(suffix)) {
                mine.add(row);
            }
        }
        List<String> diff = ResultDiff.between(alone, ResultTable.sorted(batchResult.columns(), mine), 20);
        if (!diff.isEmpty()) {
            throw new AssertionError(GoldenCaseText.of(spec, query, batchCsv, alone, new GoldenCaseText.Disagreement(
                    "reference", "the reference executor over the batch", null, "the rows of dataset " + dataset
                            + "'s users over the batch differ from those over the dataset alone (- alone, + batch):\n"
                            + String.join("\n", diff))));
        }
    }

    /** Whether every result row names its user: then datasets with distinct user ids can share one table. */
    static boolean batchable(GeneratedSpec spec) {
        Query query = spec.specification().queries().get(0);
        EventTable empty = EventTable.ofRows(query.source(), List.of());
        return ReferenceExecutor.execute(query, empty, SpecParameters.defaults(spec.specification())).columns()
                .contains(SourceShape.USER);
    }

    /**
     * H2 (in both modes) re-runs a CTE for every row that probes it, and candidate chains — the
     * only plans whose stages enumerate (docs/architecture.md) — probe deep stacks of them: seconds
     * per dataset on H2 and minutes in Oracle mode, where every time is a TO_CHAR. They run on
     * DuckDB and PostgreSQL here, and on all four in the golden corpus (docs/dialects.md).
     */
    static boolean tooSlowOn(String engine, CompiledQuery sql) {
        return (engine.equals("h2") || engine.equals("oracle-h2"))
                && sql.stages().stream().anyMatch(stage -> stage.enumeration() != null);
    }

    @Provide
    Arbitrary<DifferentialCase> cases() {
        return withDatasets(GeneratedSpecs.any());
    }

    @Provide
    Arbitrary<DifferentialCase> sequenceCases() {
        return withDatasets(GeneratedSpecs.shapes().flatMap(SequenceSpecs::any));
    }

    @Provide
    Arbitrary<DifferentialCase> pathCases() {
        return withDatasets(GeneratedSpecs.shapes().flatMap(PathSpecs::any));
    }

    /** Each spec with its datasets: a batch in one table when its rows name their user, else a few one by one. */
    private static Arbitrary<DifferentialCase> withDatasets(Arbitrary<GeneratedSpec> specs) {
        return specs.flatMap(spec -> {
            boolean batched = batchable(spec);
            return Datasets.any(spec).list().ofSize(batched ? DATASETS_PER_BATCH : DATASETS_PER_SPEC)
                    .map(datasets -> new DifferentialCase(spec, datasets, batched));
        });
    }

    private static ResultTable reference(GeneratedSpec spec, Query query, String csv, EventTable events,
                                         Map<Name, Object> parameters) {
        try {
            return ReferenceExecutor.execute(query, events, parameters);
        } catch (RuntimeException e) {
            throw new AssertionError(GoldenCaseText.of(spec, query, csv, null,
                    new GoldenCaseText.Disagreement("reference", "the reference executor", null, "it fails: " + e)), e);
        }
    }

    /** Every generated spec compiles: the generators leave out what the compiler refuses today. */
    private static CompiledQuery compile(GeneratedSpec spec, Query query, String csv, Engine engine) {
        long start = System.nanoTime();
        try {
            return SqlCompiler.compile(query, engine.dialect(), Map.of());
        } catch (RuntimeException e) {
            throw new AssertionError(GoldenCaseText.of(spec, query, csv, null, new GoldenCaseText.Disagreement(
                    engine.name(), engine.label(), null, "the compiler fails for " + engine.dialect() + ": " + e)), e);
        } finally {
            TALLY.compiled(System.nanoTime() - start);
        }
    }

    private static void compare(GeneratedSpec spec, Query query, String csv, ResultTable reference, Engine engine,
                                CompiledQuery sql, EventTable events, Map<Name, Object> parameters) {
        ResultTable actual;
        try {
            actual = EngineRun.run(engine, sql, events, parameters).result();
        } catch (RuntimeException e) {
            throw new AssertionError(GoldenCaseText.of(spec, query, csv, reference, new GoldenCaseText.Disagreement(
                    engine.name(), engine.label(), sql.sql(), "the SQL fails: " + e)), e);
        }
        List<String> diff = ResultDiff.between(reference, actual, 20);
        if (!diff.isEmpty()) {
            throw new AssertionError(GoldenCaseText.of(spec, query, csv, reference, new GoldenCaseText.Disagreement(
                    engine.name(), engine.label(), sql.sql(), "rows differ (- reference, + " + engine.name() + "):\n"
                            + String.join("\n", diff))));
        }
    }
}
