package io.funnelql.reference;

import io.funnelql.dsl.model.Column;
import io.funnelql.events.ColumnValues;
import io.funnelql.events.EventTable;
import io.funnelql.events.TimestampColumn;
import io.funnelql.events.Values;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntBinaryOperator;
import java.util.function.IntPredicate;

/**
 * Splits the included rows of a table by key and orders each key's rows: the one ordered pass
 * every reference algorithm consumes. Rows with a NULL time or a NULL key column are excluded.
 * Keys come out in ascending order of their values, so results are deterministic.
 *
 * <p>Rows are ordered by key, then time, then every column of the source (so same-time rows
 * are ordered the same whatever order the file had), comparing the columns as stored. Input
 * already in key and time order (a stream ordered by key, a file sorted by time) is only
 * checked, and only its runs of equal times are sorted; anything else is sorted once.
 */
public final class KeyGrouping {
    private KeyGrouping() {}

    public static List<KeyGroup> group(EventTable table, List<Column> key, Column time, IntPredicate included) {
        ColumnValues[] keyColumns = new ColumnValues[key.size()];
        for (int i = 0; i < keyColumns.length; i++) {
            keyColumns[i] = table.values(table.columnIndex(key.get(i)));
        }
        ColumnValues timeColumn = table.values(table.columnIndex(time));
        int[] rows = includedRows(table.rowCount(), keyColumns, timeColumn, included);
        List<ColumnValues> rest = new ArrayList<>();
        for (int column = 0; column < table.source().columns().size(); column++) {
            ColumnValues values = table.values(column);
            if (values != timeColumn && !Arrays.asList(keyColumns).contains(values)) {
                rest.add(values);
            }
        }
        // Within one key and one time, the key and time columns compare equal: the rest decide.
        ColumnValues[] others = rest.toArray(ColumnValues[]::new);
        IntBinaryOperator sameTimeOrder = others.length == 1 ? others[0]::compare : (a, b) -> {
            int order = 0;
            for (int i = 0; order == 0 && i < others.length; i++) {
                order = others[i].compare(a, b);
            }
            return order;
        };
        IntBinaryOperator eventOrder = (a, b) -> {
            int order = timeColumn.compare(a, b);
            return order != 0 ? order : sameTimeOrder.applyAsInt(a, b);
        };
        if (oneKey(keyColumns, rows)) {
            return rows.length == 0 ? List.of() : List.of(group(keyColumns, timeColumn, rows, eventOrder, sameTimeOrder));
        }
        IntBinaryOperator keyOrder = (a, b) -> {
            int order = 0;
            for (int i = 0; order == 0 && i < keyColumns.length; i++) {
                order = keyColumns[i].compare(a, b);
            }
            return order;
        };
        if (!inKeyOrder(keyOrder, rows)) {
            RowSort.sort(rows, 0, rows.length, keyOrder); // stable: each key's rows keep their order
        }
        List<KeyGroup> groups = new ArrayList<>();
        for (int start = 0, end; start < rows.length; start = end) {
            end = start + 1;
            while (end < rows.length && keyOrder.applyAsInt(rows[start], rows[end]) == 0) {
                end++;
            }
            groups.add(group(keyColumns, timeColumn, Arrays.copyOfRange(rows, start, end), eventOrder, sameTimeOrder));
        }
        return groups;
    }

    /** The rows with a time, a complete key and {@code included}, in table order. */
    private static int[] includedRows(int rowCount, ColumnValues[] keyColumns, ColumnValues timeColumn, IntPredicate included) {
        List<ColumnValues> nullable = new ArrayList<>();
        for (ColumnValues column : keyColumns) {
            if (column.hasNulls()) {
                nullable.add(column);
            }
        }
        if (timeColumn.hasNulls()) {
            nullable.add(timeColumn);
        }
        int[] rows = new int[rowCount];
        int count = 0;
        for (int row = 0; row < rowCount; row++) {
            if (included.test(row) && (nullable.isEmpty() || noNull(nullable, row))) {
                rows[count++] = row;
            }
        }
        return count == rowCount ? rows : Arrays.copyOf(rows, count);
    }

    private static boolean noNull(List<ColumnValues> columns, int row) {
        for (ColumnValues column : columns) {
            if (column.isNull(row)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every row holds the same key: a batch of a stream ordered by key always does. */
    private static boolean oneKey(ColumnValues[] keyColumns, int[] rows) {
        for (ColumnValues column : keyColumns) {
            if (rows.length > 0 && column.runEnd(rows, 0, rows.length) != rows.length) {
                return false;
            }
        }
        return true;
    }

    private static boolean inKeyOrder(IntBinaryOperator keyOrder, int[] rows) {
        for (int i = 1; i < rows.length; i++) {
            if (keyOrder.applyAsInt(rows[i - 1], rows[i]) > 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether one key's rows are in time order; if so, each run of equal times is
     * put in event order here (a linear pass plus small sorts), otherwise nothing is changed.
     */
    private static boolean inTimeOrder(ColumnValues timeColumn, int[] rows, IntBinaryOperator sameTimeOrder) {
        boolean ties = false;
        for (int i = 1; i < rows.length; i++) {
            int order = timeColumn.compare(rows[i - 1], rows[i]);
            if (order > 0) {
                return false;
            }
            ties |= order == 0;
        }
        for (int start = 0, end; ties && start < rows.length; start = end) {
            end = timeColumn.runEnd(rows, start, rows.length);
            if (end - start > 1) {
                RowSort.sort(rows, start, end, sameTimeOrder);
            }
        }
        return true;
    }

    /** Whether the rows are every row of the table in table order: a batch of one key, in order. */
    private static boolean isWholeTable(int[] rows, int rowCount) {
        if (rows.length != rowCount) {
            return false;
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != i) {
                return false;
            }
        }
        return true;
    }

    /** One key's rows, put in event order. */
    private static KeyGroup group(ColumnValues[] keyColumns, ColumnValues timeColumn, int[] rows,
                                  IntBinaryOperator eventOrder, IntBinaryOperator sameTimeOrder) {
        if (!inTimeOrder(timeColumn, rows, sameTimeOrder)) {
            RowSort.sort(rows, 0, rows.length, eventOrder);
        }
        Object[] key = new Object[keyColumns.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = keyColumns[i].value(rows[0]);
        }
        long[] times;
        if (timeColumn instanceof TimestampColumn timestamps && isWholeTable(rows, timestamps.size())) {
            times = timestamps.micros(); // shared, not copied: the readers of a group never write to it
        } else if (timeColumn instanceof TimestampColumn timestamps) {
            long[] micros = timestamps.micros();
            times = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                times[i] = micros[rows[i]];
            }
        } else {
            times = new long[rows.length];
            for (int i = 0; i < rows.length; i++) {
                times[i] = Values.epochMicros((LocalDateTime) timeColumn.value(rows[i]));
            }
        }
        return new KeyGroup(List.of(key), rows, times);
    }
}
