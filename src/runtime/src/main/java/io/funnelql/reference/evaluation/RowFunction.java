package io.funnelql.reference.evaluation;

/** An expression compiled against one event table: its value on a row, null for SQL NULL. */
@FunctionalInterface
public interface RowFunction {
    Object value(int row);
}
