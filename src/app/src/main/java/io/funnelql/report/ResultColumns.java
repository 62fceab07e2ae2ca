package io.funnelql.report;

import io.funnelql.result.ResultTable;

import java.util.Optional;

/** Finding a chart's columns by name: a result without them gets no chart, only its table. */
final class ResultColumns {
    private ResultColumns() {}

    /** The positions of the named columns, in the order asked; empty when any is missing. */
    static Optional<int[]> find(ResultTable result, String... names) {
        int[] positions = new int[names.length];
        for (int i = 0; i < names.length; i++) {
            positions[i] = result.columns().indexOf(names[i]);
            if (positions[i] < 0) {
                return Optional.empty();
            }
        }
        return Optional.of(positions);
    }

    static double number(Object value) {
        return value instanceof Number number ? number.doubleValue() : 0;
    }
}
