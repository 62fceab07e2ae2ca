package io.funnelql.result;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/** A query result: named columns and rows of Java values, in a deterministic order. */
public record ResultTable(List<String> columns, List<List<Object>> rows) {
    public ResultTable {
        columns = List.copyOf(columns);
        rows = rows.stream().map(row -> Collections.unmodifiableList(new ArrayList<>(row))).toList();
    }

    /** Rows sorted by every column, left to right: the order every engine's result is compared in. */
    public static ResultTable sorted(List<String> columns, List<List<Object>> rows) {
        List<List<Object>> ordered = new ArrayList<>(rows);
        ordered.sort(ValueOrder::compareLists);
        return new ResultTable(columns, ordered);
    }

    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
