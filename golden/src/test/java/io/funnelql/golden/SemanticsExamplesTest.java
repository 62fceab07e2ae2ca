package io.funnelql.golden;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Specification;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventTable;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.result.ResultFormatter;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every worked example of docs/semantics.md through the reference executor: a spec (with
 * the page's default source unless it declares one), its events and the exact expected CSV.
 */
class SemanticsExamplesTest {
    private static final Path PAGE = Path.of("../docs/semantics.md");
    private static final String DEFAULT_SOURCE =
            "source events from table events (key user_id, time occurred_at, columns (event_name varchar));";

    @TestFactory
    Stream<DynamicTest> semanticsExamples() throws Exception {
        assertThat(Files.readString(PAGE)).as("the page states its default source").contains(DEFAULT_SOURCE);
        var examples = MarkdownCodeBlocks.read(PAGE).withLanguage("semantics-example");
        assertThat(examples).as("worked examples").hasSizeGreaterThan(30);
        return examples.stream().map(block -> DynamicTest.dynamicTest(PAGE + ":" + block.line(), () -> run(block)));
    }

    private static void run(MarkdownCodeBlocks.Block block) throws Exception {
        String text = block.text();
        int events = text.indexOf("-- events\n");
        int expected = text.indexOf("-- expected\n");
        assertThat(events).as("a '-- events' section").isPositive();
        assertThat(expected).as("an '-- expected' section").isGreaterThan(events);
        String spec = text.substring(0, events);
        if (!spec.contains("source ")) {
            spec = DEFAULT_SOURCE + "\n" + spec;
        }
        Specification specification = SpecificationLoader.load(new SourceFile("semantics.md:" + block.line(), spec));
        assertThat(specification.queries()).hasSize(1);
        var query = specification.queries().get(0);
        EventTable table = CsvEventReader.read(new StringReader(text.substring(events + "-- events\n".length(), expected)),
                "events", query.source());
        Map<Name, Object> parameters = SpecParameters.defaults(specification);
        String actual = ResultFormatter.csv(ReferenceExecutor.execute(query, table, parameters));
        assertThat(actual).isEqualTo(text.substring(expected + "-- expected\n".length()));
    }
}
