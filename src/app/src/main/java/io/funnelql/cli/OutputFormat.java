package io.funnelql.cli;

import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultTable;

/** {@code --format table|csv|json}. */
enum OutputFormat {
    TABLE,
    CSV,
    JSON;

    String render(ResultTable result) {
        return switch (this) {
            case TABLE -> ResultFormatter.table(result);
            case CSV -> ResultFormatter.csv(result);
            case JSON -> ResultFormatter.json(result);
        };
    }
}
