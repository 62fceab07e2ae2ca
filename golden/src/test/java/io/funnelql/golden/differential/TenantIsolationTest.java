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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Tenant isolation as a property (docs/differential-testing.md): for generated multi-tenant
 * datasets and queries whose rows name their tenant, each tenant's rows in the result equal the
 * result over that tenant's events alone, on the reference and on every engine. A leak across
 * tenants (a shared ordering, a chain or a session spanning two tenants) fails it.
 */
class TenantIsolationTest {
    @AfterContainer
    static void closeEngines() {
        SharedEngines.closeAll();
    }

    @Property
    @AddLifecycleHook(TenantRunSettings.class) // -Dfunnelql.tenantTries / -Dfunnelql.seed
    void eachTenantsRowsAreItsResultAlone(@ForAll("multiTenant") DifferentialCase sample) {
        checkOn(sample, true, SharedEngines.EVERY_TRY);
    }

    /**
     * The same property on Spark, whose queries take seconds: the first few samples of the same
     * seed ({@code -Dfunnelql.spark.tenantTries=N}).
     */
    @Property
    @AddLifecycleHook(TenantRunSettings.Spark.class)
    void sparkKeepsEachTenantsRowsApart(@ForAll("multiTenant") DifferentialCase sample) {
        checkOn(sample, false, List.of("spark"));
    }

    private static void checkOn(DifferentialCase sample, boolean withReference, List<String> engines) {
        GeneratedSpec spec = sample.spec();
        Specification specification = spec.specification();
        Query query = specification.queries().get(0);
        Map<Name, Object> parameters = SpecParameters.defaults(specification);
        List<List<Object>> rows = sample.datasets().get(0).rows(spec);
        String csv = EventsCsv.write(spec.shape(), rows);
        Set<String> tenants = new TreeSet<>();
        rows.stream().map(row -> (String) row.get(0)).filter(Objects::nonNull).forEach(tenants::add);
        if (withReference) {
            check(spec, query, csv, rows, tenants, "reference", table -> ReferenceExecutor.execute(query, table, parameters));
        }
        for (String engineName : engines) {
            Engine engine = SharedEngines.engine(engineName);
            CompiledQuery sql = SqlCompiler.compile(query, engine.dialect(), Map.of());
            if (DifferentialTest.tooSlowOn(engineName, sql)) {
                continue;
            }
            check(spec, query, csv, rows, tenants, engineName, table -> EngineRun.run(engine, sql, table, parameters).result());
        }
    }

    private static void check(GeneratedSpec spec, Query query, String csv, List<List<Object>> rows, Set<String> tenants,
                              String engine, Function<EventTable, ResultTable> run) {
        ResultTable whole = run.apply(EventsCsv.read(csv, query.source()));
        int tenantColumn = whole.columns().indexOf(SourceShape.TENANT);
        for (String tenant : tenants) {
            List<List<Object>> own = rows.stream().filter(row -> tenant.equals(row.get(0))).toList();
            ResultTable alone = run.apply(EventsCsv.read(EventsCsv.write(spec.shape(), own), query.source()));
            List<List<Object>> mine = new ArrayList<>();
            for (List<Object> row : whole.rows()) {
                if (tenant.equals(row.get(tenantColumn))) {
                    mine.add(row);
                }
            }
            List<String> diff = ResultDiff.between(alone, ResultTable.sorted(whole.columns(), mine), 20);
            if (!diff.isEmpty()) {
                throw new AssertionError("On " + engine + ", tenant " + tenant + "'s rows over every tenant's events differ"
                        + " from its rows over its own events (- alone, + with the other tenants):\n" + String.join("\n", diff)
                        + "\n--- spec.fql ---\n" + spec.text() + "--- events.csv ---\n" + csv);
            }
        }
    }

    /** Specs over a source with a tenant column whose every result row names its tenant, over one dataset each. */
    @Provide
    Arbitrary<DifferentialCase> multiTenant() {
        return GeneratedSpecs.shapes()
                .map(shape -> new SourceShape(true, shape.title(), shape.property(), shape.eventId(), shape.eventNameRole(),
                        shape.oddNames()))
                .flatMap(GeneratedSpecs::queries)
                .filter(TenantIsolationTest::rowsNameTheirTenant)
                .flatMap(spec -> Datasets.any(spec).list().ofSize(1).map(datasets -> new DifferentialCase(spec, datasets, false)));
    }

    private static boolean rowsNameTheirTenant(GeneratedSpec spec) {
        Query query = spec.specification().queries().get(0);
        EventTable empty = EventTable.ofRows(query.source(), List.of());
        return ReferenceExecutor.execute(query, empty, SpecParameters.defaults(spec.specification())).columns()
                .contains(SourceShape.TENANT);
    }
}
