package io.funnelql.golden;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.compiler.render.Statements;
import io.funnelql.dialects.MaterializedViews;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.engine.Engine;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventTable;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.result.ResultTable;
import io.funnelql.verify.ResultCoercion;
import io.funnelql.verify.ResultDiff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code compile --as materialized-view}, run as a dashboard runs it: create, fill, query; then
 * the source changes (every event is deleted) and the periodic refresh — on PostgreSQL
 * {@code REFRESH MATERIALIZED VIEW CONCURRENTLY}, which needs the emitted unique index — must
 * bring the stored rows to the reference's result again. Oracle's DBMS_MVIEW cannot run on H2's
 * Oracle mode, so Oracle's statements are not executed here.
 */
class MaterializedViewsTest {
    private static final List<String> QUERIES = List.of("checkout.fql:checkout", "checkout.fql:weekly",
            "retention.fql:daily_ny", "retention.fql:rolling_days", "sessions.fql:browsing", "dashboard.fql:daily_volume",
            "dashboard.fql:daily_revenue");

    @AfterAll
    static void close() {
        SharedEngines.closeAll();
    }

    @TestFactory
    List<DynamicTest> storedResultsEqualTheReferenceBeforeAndAfterARefresh() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (String entry : QUERIES) {
            Path file = ExamplesAgreementTest.EXAMPLES.resolve(entry.substring(0, entry.indexOf(':')));
            Specification specification = SpecificationLoader.load(file);
            Query query = specification.queries().stream()
                    .filter(q -> q.name().value().equals(entry.substring(entry.indexOf(':') + 1))).findFirst().orElseThrow();
            Map<Name, Object> parameters = SpecParameters.defaults(specification);
            EventTable events = CsvEventReader.read(ExamplesAgreementTest.EXAMPLES.resolve("events.csv"), query.source());
            for (String engineName : List.of("postgres", "duckdb", "h2", "spark")) {
                tests.add(DynamicTest.dynamicTest(entry + " on " + engineName,
                        () -> check(SharedEngines.engine(engineName), query, parameters, events)));
            }
        }
        return tests;
    }

    private static void check(Engine engine, Query query, Map<Name, Object> parameters, EventTable events) {
        CompiledQuery compiled = SqlCompiler.compile(query, engine.dialect(), parameters);
        MaterializedViews.Materialization materialization = Statements.materializedView(compiled);
        String view = engine.dialect().quotedIdentifier(query.name().value(), query.name().quoted());
        engine.load(events);
        try {
            materialization.create().forEach(engine::execute);
            materialization.firstRefresh().forEach(engine::execute);
            assertStored(engine, compiled, view, ReferenceExecutor.execute(query, events, parameters), "filled");

            EventTable none = EventTable.ofRows(query.source(), List.of());
            if (engine.dialect() == TargetDialect.SPARK) {
                // Spark deletes no rows from a plain table: the source is replaced by an empty one.
                engine.load(none);
            } else {
                engine.execute("DELETE FROM " + sourceTable(engine.dialect(), query));
            }
            materialization.refresh().forEach(engine::execute);
            assertStored(engine, compiled, view, ReferenceExecutor.execute(query, none, parameters), "refreshed");
        } finally {
            // The next load drops the source table, which the stored result depends on.
            engine.execute((engine.dialect() == TargetDialect.POSTGRES ? "DROP MATERIALIZED VIEW IF EXISTS " : "DROP TABLE IF EXISTS ") + view);
        }
        if (engine.dialect() == TargetDialect.POSTGRES) {
            assertThat(materialization.refresh()).singleElement().asString().startsWith("REFRESH MATERIALIZED VIEW CONCURRENTLY");
        }
    }

    /** {@code compile --as view} on Spark, where no other test runs a view: it reads the reference's rows. */
    @Test
    void aViewOnSparkReadsTheReferencesRows() throws Exception {
        Specification specification = SpecificationLoader.load(ExamplesAgreementTest.EXAMPLES.resolve("checkout.fql"));
        Query query = specification.queries().stream().filter(q -> q.name().value().equals("checkout")).findFirst().orElseThrow();
        Map<Name, Object> parameters = SpecParameters.defaults(specification);
        EventTable events = CsvEventReader.read(ExamplesAgreementTest.EXAMPLES.resolve("events.csv"), query.source());
        Engine engine = SharedEngines.engine("spark");
        CompiledQuery compiled = SqlCompiler.compile(query, TargetDialect.SPARK, parameters);
        String view = TargetDialect.SPARK.quotedIdentifier(query.name().value(), query.name().quoted());
        engine.load(events);
        engine.execute(Statements.view(compiled));
        try {
            assertStored(engine, compiled, view, ReferenceExecutor.execute(query, events, parameters), "as a view");
        } finally {
            engine.execute("DROP VIEW IF EXISTS " + view);
        }
    }

    private static void assertStored(Engine engine, CompiledQuery compiled, String view, ResultTable expected, String when) {
        ResultTable stored = ResultCoercion.coerce(engine.query("SELECT * FROM " + view), compiled.columns());
        List<String> diff = ResultDiff.between(expected, stored, 20);
        assertThat(diff).as(compiled.query().name().display() + " on " + engine.label() + ", " + when + ":\n"
                + String.join("\n", diff)).isEmpty();
    }

    private static String sourceTable(TargetDialect dialect, Query query) {
        return query.source().table().parts().stream()
                .map(part -> dialect.quotedIdentifier(part.value(), part.quoted()))
                .collect(Collectors.joining("."));
    }
}
