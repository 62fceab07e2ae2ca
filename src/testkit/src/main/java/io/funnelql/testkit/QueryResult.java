package io.funnelql.testkit;

import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultTable;

import java.util.List;

/**
 * A query's result, for assertions of your own: the column names and the rows, sorted by every
 * column, as Java values (String, Long, Double, Boolean, LocalDateTime, LocalDate; null for NULL).
 */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
    public QueryResult {
        // ResultTable copies into unmodifiable lists that, unlike List.copyOf, keep NULLs.
        ResultTable copy = new ResultTable(columns, rows);
        columns = copy.columns();
        rows = copy.rows();
    }

    static QueryResult of(ResultTable table) {
        return new QueryResult(table.columns(), table.rows());
    }

    /** The result in the form of {@code funnelql run --format csv}, which assertRows expects. */
    public String csv() {
        return ResultFormatter.csv(new ResultTable(columns, rows));
    }
}
