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
        ColumnValues[] keyColumns = key.stream().map(column -> table.values(table.columnIndex(column)))
                .toArray(ColumnValues[]::new);
        ColumnValues timeColumn = table.values(table.columnIndex(time));
        int[] rows = new int[table.rowCount()];
        int count = 0;
        for (int row = 0; row < rows.length; row++) {
            if (!timeColumn.isNull(row) && !anyNull(keyColumns, row) && included.test(row)) {
                rows[count++] = row;
            }
        }
        IntBinaryOperator keyAndTime = (a, b) -> {
            for (ColumnValues column : keyColumns) {
                int order = column.compare(a, b);
                if (order != 0) {
                    return order;
                }
            }
            return timeColumn.compare(a, b);
        };
        ColumnValues[] all = new ColumnValues[table.source().columns().size()];
        Arrays.setAll(all, table::values);
        IntBinaryOperator eventOrder = (a, b) -> {
            int order = keyAndTime.applyAsInt(a, b);
            for (int column = 0; order == 0 && column < all.length; column++) {
                order = all[column].compare(a, b);
            }
            return order;
        };
        order(rows, count, keyAndTime, eventOrder);
        List<KeyGroup> groups = new ArrayList<>();
        for (int start = 0, end; start < count; start = end) {
            end = start + 1;
            while (end < count && sameKey(keyColumns, rows[start], rows[end])) {
                end++;
            }
            groups.add(group(keyColumns, timeColumn, Arrays.copyOfRange(rows, start, end)));
        }
        return groups;
    }

    /** Sorts rows[0, count) by event order, looking first whether key and time order already hold. */
    private static void order(int[] rows, int count, IntBinaryOperator keyAndTime, IntBinaryOperator eventOrder) {
        boolean ties = false;
        for (int i = 1; i < count; i++) {
            int order = keyAndTime.applyAsInt(rows[i - 1], rows[i]);
            if (order > 0) {
                RowSort.sort(rows, 0, count, eventOrder);
                return;
            }
            ties |= order == 0;
        }
        for (int start = 0, end; ties && start < count; start = end) {
            end = start + 1;
            while (end < count && keyAndTime.applyAsInt(rows[start], rows[end]) == 0) {
                end++;
            }
            RowSort.sort(rows, start, end, eventOrder);
        }
    }

    private static KeyGroup group(ColumnValues[] keyColumns, ColumnValues timeColumn, int[] rows) {
        Object[] key = new Object[keyColumns.length];
        for (int i = 0; i < key.length; i++) {
            key[i] = keyColumns[i].value(rows[0]);
        }
        long[] times = new long[rows.length];
        if (timeColumn instanceof TimestampColumn timestamps) {
            long[] micros = timestamps.micros();
            for (int i = 0; i < rows.length; i++) {
                times[i] = micros[rows[i]];
            }
        } else {
            for (int i = 0; i < rows.length; i++) {
                times[i] = Values.epochMicros((LocalDateTime) timeColumn.value(rows[i]));
            }
        }
        return new KeyGroup(List.of(key), rows, times);
    }

    private static boolean anyNull(ColumnValues[] columns, int row) {
        for (ColumnValues column : columns) {
            if (column.isNull(row)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameKey(ColumnValues[] keyColumns, int a, int b) {
        for (ColumnValues column : keyColumns) {
            if (column.compare(a, b) != 0) {
                return false;
            }
        }
        return true;
    }
}
