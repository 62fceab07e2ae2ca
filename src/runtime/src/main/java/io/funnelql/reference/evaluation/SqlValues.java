package io.funnelql.reference.evaluation;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** SQL comparison of two non-null values whose types the analyzer found comparable. */
final class SqlValues {
    private SqlValues() {}

    static int compare(Object left, Object right) {
        if (left instanceof Long a && right instanceof Long b) {
            return Long.compare(a, b);
        }
        if (left instanceof Number a && right instanceof Number b) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        if (left instanceof String a && right instanceof String b) {
            return a.compareTo(b); // code-point order, what COLLATE "C" gives on every engine
        }
        if (left instanceof Boolean a && right instanceof Boolean b) {
            return Boolean.compare(a, b);
        }
        return timestamp(left).compareTo(timestamp(right));
    }

    private static LocalDateTime timestamp(Object value) {
        if (value instanceof LocalDate date) {
            return date.atStartOfDay();
        }
        return (LocalDateTime) value;
    }
}
