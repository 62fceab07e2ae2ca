package io.funnelql.report;

import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.result.ResultTable;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report page shows about one run.
 *
 * @param lastEventTime the latest event time in the file, when known: retention cells whose period
 *                      starts after it are shown as not observed yet instead of as 0 %
 */
public record ReportRun(
        Query query,
        Path specificationFile,
        String specificationText,
        String eventsFile,
        int eventCount,
        Optional<LocalDateTime> lastEventTime,
        Map<Name, Object> parameters,
        String engineLabel,
        ReportSql sql,
        Instant ranAt,
        ResultTable result) {

    public ReportRun {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }
}
