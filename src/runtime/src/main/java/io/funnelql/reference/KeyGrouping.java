package io.funnelql.reference;

import io.funnelql.dsl.model.Column;
import io.funnelql.events.EventTable;
import io.funnelql.events.Values;
import io.funnelql.result.ValueOrder;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * Splits the included rows of a table by key and orders each key's rows: the one ordered pass
 * every reference algorithm consumes. Rows with a NULL time or a NULL key column are excluded.
 * Keys come out in ascending order of their values, so results are deterministic.
 */
public final class KeyGrouping {
    private KeyGrouping() {}

    public static List<KeyGroup> group(EventTable table, List<Column> key, Column time, IntPredicate included) {
        int[] keyColumns = key.stream().mapToInt(table::columnIndex).toArray();
        Object[] timeColumn = table.column(table.columnIndex(time));
        Map<List<Object>, List<Integer>> rowsByKey = new HashMap<>();
        for (int row = 0; row < table.rowCount(); row++) {
            if (timeColumn[row] == null || !included.test(row)) {
                continue;
            }
            Object[] values = new Object[keyColumns.length];
            boolean complete = true;
            for (int i = 0; i < keyColumns.length; i++) {
                values[i] = table.value(keyColumns[i], row);
                complete &= values[i] != null;
            }
            if (complete) {
                rowsByKey.computeIfAbsent(Arrays.asList(values), k -> new ArrayList<>()).add(row);
            }
        }
        Comparator<Integer> rowOrder = rowOrder(table, timeColumn);
        List<KeyGroup> groups = new ArrayList<>(rowsByKey.size());
        for (Map.Entry<List<Object>, List<Integer>> entry : rowsByKey.entrySet()) {
            List<Integer> rows = entry.getValue();
            rows.sort(rowOrder);
            int[] ordered = rows.stream().mapToInt(Integer::intValue).toArray();
            long[] times = new long[ordered.length];
            for (int i = 0; i < ordered.length; i++) {
                times[i] = Values.epochMicros((LocalDateTime) timeColumn[ordered[i]]);
            }
            groups.add(new KeyGroup(List.copyOf(entry.getKey()), ordered, times));
        }
        groups.sort((a, b) -> ValueOrder.compareLists(a.key(), b.key()));
        return groups;
    }

    private static Comparator<Integer> rowOrder(EventTable table, Object[] timeColumn) {
        int width = table.source().columns().size();
        return (a, b) -> {
            int order = ((LocalDateTime) timeColumn[a]).compareTo((LocalDateTime) timeColumn[b]);
            for (int column = 0; order == 0 && column < width; column++) {
                order = ValueOrder.compareValues(table.value(column, a), table.value(column, b));
            }
            return order;
        };
    }
}
