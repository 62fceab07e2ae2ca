package io.funnelql.golden;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The specs under examples/ check, and together they cover every query kind. */
class ExampleSpecsTest {
    private static final Path EXAMPLES = Path.of("../examples");

    @Test
    void everyExampleChecksAndEveryQueryKindIsShown() throws Exception {
        List<Query> queries = new ArrayList<>();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".fql")).sorted().toList()) {
                Specification specification = SpecificationLoader.load(file);
                queries.addAll(specification.queries());
            }
        }
        assertThat(queries).extracting(Query::kind).contains("funnel", "sessions", "retention");
        assertThat(queries).filteredOn(FunnelQuery.class::isInstance)
                .anySatisfy(query -> assertThat(query.countBy()).extracting(c -> c.name().value())
                        .containsExactly("user_id", "title_id", "session_id"));
    }

    @Test
    void sampleEventsHaveTheDeclaredColumns() throws IOException {
        String header = Files.readAllLines(EXAMPLES.resolve("events.csv")).get(0);
        assertThat(header.split(",")).contains("account_id", "user_id", "occurred_at", "event_name", "entry_source",
                "title_id", "session_id", "platform", "revenue", "event_id");
        assertThat(Files.readAllLines(EXAMPLES.resolve("events.csv"))).hasSizeGreaterThan(2000);
    }
}
