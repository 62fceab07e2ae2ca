package io.funnelql.report;

import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Query;
import io.funnelql.input.SpecificationFiles;
import io.funnelql.result.ResultTable;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;

/** Report pages for made-up results, so page tests need no events file or engine. */
final class ReportPages {
    private ReportPages() {}

    static Query query(String specification, String name) {
        return SpecificationFiles.query(SpecificationFiles.load(new SourceFile("test.fql", specification)), Optional.of(name));
    }

    static String page(String specification, String name, ResultTable result, Optional<LocalDateTime> lastEvent) {
        return HtmlReport.render(run(specification, name, result, lastEvent));
    }

    static ReportRun run(String specification, String name, ResultTable result, Optional<LocalDateTime> lastEvent) {
        return new ReportRun(query(specification, name), Path.of("test.fql"), specification, "events.csv", 3, lastEvent,
                Map.of(), "the reference executor", new ReportSql("Equivalent SQL", "SELECT 1"),
                Instant.parse("2024-12-01T10:00:00Z"), result);
    }
}
