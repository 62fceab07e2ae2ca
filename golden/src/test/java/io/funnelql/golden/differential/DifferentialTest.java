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

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The differential suite of docs/differential-testing.md: for generated (spec, dataset) pairs,
 * every engine's rows equal the reference executor's. A failure shrinks, then prints the pair
 * as a ready-to-commit golden case ({@link GoldenCaseText}).
 */
class DifferentialTest {
    /** Datasets per generated spec: the spec compiles once per dialect and runs over all of them. */
    static final int DATASETS_PER_SPEC = 8;

    private static final DifferentialTally TALLY = new DifferentialTally();

    @AfterContainer
    static void report() {
        System.out.println(TALLY.summary());
        SharedEngines.closeAll();
    }

    @Property
    @AddLifecycleHook(RunSettings.class) // tries and seed: fixed, or -Dfunnelql.tries / -Dfunnelql.seed
    void everyEngineAgreesWithTheReference(@ForAll("cases") DifferentialCase sample) {
        GeneratedSpec spec = sample.spec();
        Specification specification = spec.specification();
        Query query = specification.queries().get(0);
        Map<Name, Object> parameters = SpecParameters.defaults(specification);
        Map<String, CompiledQuery> compiled = new HashMap<>();
        long start = System.nanoTime();
        for (Dataset dataset : sample.datasets()) {
            String csv = EventsCsv.write(spec, dataset);
            EventTable events = EventsCsv.read(csv, query.source());
            ResultTable reference = reference(spec, query, csv, events, parameters);
            for (String engineName : SharedEngines.NAMES) {
                Engine engine = SharedEngines.engine(engineName);
                CompiledQuery sql = compiled.computeIfAbsent(engineName, name -> compile(spec, query, csv, engine));
                if (tooSlowOn(engineName, sql)) {
                    TALLY.skipped(engineName, "candidate chains (strict_once, clickhouse, entry latest)");
                    continue;
                }
                long run = System.nanoTime();
                compare(spec, query, csv, reference, engine, sql, events, parameters);
                TALLY.ran(engineName, System.nanoTime() - run);
            }
            TALLY.pair();
        }
        TALLY.spec(query, System.nanoTime() - start);
    }

    /**
     * H2 (in both modes) re-runs a CTE for every row that probes it, and candidate chains — the
     * only plans whose stages enumerate (docs/architecture.md) — probe deep stacks of them: seconds
     * per dataset on H2 and minutes in Oracle mode, where every time is a TO_CHAR. They run on
     * DuckDB and PostgreSQL here, and on all four in the golden corpus (docs/dialects.md).
     */
    private static boolean tooSlowOn(String engine, CompiledQuery sql) {
        return (engine.equals("h2") || engine.equals("oracle-h2"))
                && sql.stages().stream().anyMatch(stage -> stage.enumeration() != null);
    }

    @Provide
    Arbitrary<DifferentialCase> cases() {
        return GeneratedSpecs.any().flatMap(spec -> Datasets.any(spec).list().ofSize(DATASETS_PER_SPEC)
                .map(datasets -> new DifferentialCase(spec, datasets)));
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
