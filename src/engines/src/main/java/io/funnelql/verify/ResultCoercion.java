package io.funnelql.verify;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.result.ResultTable;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives an engine's values the types the compiled query declares, where the engine cannot say
 * them itself: Oracle has no boolean columns (1/0) and its DATE is a timestamp at midnight.
 */
public final class ResultCoercion {
    private ResultCoercion() {}

    public static ResultTable coerce(ResultTable raw, List<CompiledQuery.OutputColumn> columns) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : raw.rows()) {
            List<Object> typed = new ArrayList<>(row.size());
            for (int i = 0; i < row.size(); i++) {
                typed.add(coerce(row.get(i), columns.get(i)));
            }
            rows.add(typed);
        }
        return ResultTable.sorted(raw.columns(), rows);
    }

    private static Object coerce(Object value, CompiledQuery.OutputColumn column) {
        if (value == null) {
            return null;
        }
        return switch (column.type()) {
            case BOOLEAN -> value instanceof Number number ? number.longValue() != 0 : value;
            case DATE -> value instanceof LocalDateTime timestamp && timestamp.toLocalTime().toNanoOfDay() == 0
                    ? timestamp.toLocalDate() : value;
            case BIGINT -> value instanceof Double number && number == Math.rint(number) ? (Object) number.longValue() : value;
            case DOUBLE -> value instanceof Long number ? (Object) number.doubleValue() : value;
            default -> value;
        };
    }
}
