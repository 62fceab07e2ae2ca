package io.funnelql.golden;

import io.funnelql.compiler.CompilationException;
import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventTable;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.result.ResultTable;
import io.funnelql.verify.EngineRun;
import io.funnelql.verify.ResultDiff;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every example query, run by the reference and by the compiled SQL on every engine over the
 * bundled sample events, gives identical rows. "oracle-h2" is H2 in Oracle mode running the
 * Oracle SQL, not a real Oracle.
 */
class ExamplesAgreementTest {
    static final Path EXAMPLES = Path.of("..", "examples");
    /** Queries the compiler refuses today, with the refusal it must give (a known gap, listed in docs/dialects.md). */
    static final Map<String, String> KNOWN_REFUSALS = Map.of();

    @AfterAll
    static void close() {
        SharedEngines.closeAll();
    }

    @TestFactory
    List<DynamicTest> referenceAndEveryEngineAgree() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".fql")).sorted().toList()) {
                Specification specification = SpecificationLoader.load(file);
                Map<Name, Object> parameters = SpecParameters.defaults(specification);
                for (Query query : specification.queries()) {
                    EventTable events = CsvEventReader.read(EXAMPLES.resolve("events.csv"), query.source());
                    for (String engineName : SharedEngines.NAMES) {
                        String label = file.getFileName() + " " + query.name().value() + " on " + engineName;
                        tests.add(DynamicTest.dynamicTest(label, () -> check(query, events, parameters, engineName, label)));
                    }
                }
            }
        }
        return tests;
    }

    private static void check(Query query, EventTable events, Map<Name, Object> parameters, String engineName, String label) {
        String refusal = KNOWN_REFUSALS.get(query.name().value());
        if (refusal != null) {
            assertThatThrownBy(() -> EngineRun.run(SharedEngines.engine(engineName), query, events, parameters))
                    .isInstanceOf(CompilationException.class).hasMessageContaining(refusal);
            return;
        }
        ResultTable expected = ReferenceExecutor.execute(query, events, parameters);
        EngineRun.Outcome outcome = EngineRun.run(SharedEngines.engine(engineName), query, events, parameters);
        List<String> diff = ResultDiff.between(expected, outcome.result(), 20);
        assertThat(diff).as(label + " differs from the reference:\n" + String.join("\n", diff)
                + "\n-- SQL --\n" + outcome.compiled().sql()).isEmpty();
        assertThat(expected.rows()).as(label + ": the example must produce rows").isNotEmpty();
    }
}
