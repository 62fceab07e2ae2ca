package io.funnelql.result;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the reference's result in the shape of the hand-written query's result, so the two can
 * be compared: the same columns matched by name (case ignored), or, for a steps report, one
 * column per step name holding that step's count (the wide form most hand-written funnels
 * return). Values compare as text, numbers by value, so COUNT's integer type does not matter.
 */
public final class ResultShapes {
    private static final String STEP_NAME = "name";
    private static final String STEP_COUNT = "count";

    private ResultShapes() {}

    /** The reference's result over the hand-written query's columns, or empty when no shape matches. */
    public static Optional<ResultTable> reshape(ResultTable reference, List<String> wanted) {
        Optional<ResultTable> byName = project(reference, wanted);
        return byName.isPresent() ? byName : project(wide(reference), wanted);
    }

    /** Every column the hand-written query returns, in its order, with values as comparable text. */
    public static ResultTable comparable(ResultTable table) {
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            rows.add(row.stream().map(ResultShapes::text).toList());
        }
        return ResultTable.sorted(table.columns().stream().map(ResultShapes::normal).toList(), rows);
    }

    /** The columns a hand-written query may return for this reference result. */
    public static List<String> choices(ResultTable reference) {
        List<String> choices = new ArrayList<>(reference.columns());
        ResultTable wide = wide(reference);
        if (wide != reference) {
            choices.add("or, one per step: " + String.join(", ", wide.columns()));
        }
        return choices;
    }

    private static Optional<ResultTable> project(ResultTable table, List<String> wanted) {
        List<String> names = table.columns().stream().map(ResultShapes::normal).toList();
        List<Integer> indexes = new ArrayList<>();
        for (String column : wanted) {
            int index = names.indexOf(normal(column));
            if (index < 0) {
                return Optional.empty();
            }
            indexes.add(index);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> row : table.rows()) {
            rows.add(indexes.stream().map(row::get).toList());
        }
        return Optional.of(comparable(new ResultTable(wanted, rows)));
    }

    /** A steps report pivoted: its other columns (a breakdown) and one count column per step name. */
    private static ResultTable wide(ResultTable reference) {
        List<String> columns = reference.columns();
        int name = columns.indexOf(STEP_NAME);
        int count = columns.indexOf(STEP_COUNT);
        if (name < 0 || count < 0) {
            return reference;
        }
        List<Integer> groups = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            if (i != name && i != count && !column.equals("step") && !column.startsWith("conversion_")) {
                groups.add(i);
            }
        }
        List<String> stepNames = new ArrayList<>();
        Map<List<Object>, Map<String, Object>> pivot = new LinkedHashMap<>();
        for (List<Object> row : reference.rows()) {
            String step = String.valueOf(row.get(name));
            if (!stepNames.contains(step)) {
                stepNames.add(step);
            }
            List<Object> group = groups.stream().map(row::get).toList();
            pivot.computeIfAbsent(group, key -> new LinkedHashMap<>()).put(step, row.get(count));
        }
        List<String> wideColumns = new ArrayList<>(groups.stream().map(columns::get).toList());
        wideColumns.addAll(stepNames);
        List<List<Object>> rows = new ArrayList<>();
        pivot.forEach((group, counts) -> {
            List<Object> row = new ArrayList<>(group);
            stepNames.forEach(step -> row.add(counts.getOrDefault(step, 0L)));
            rows.add(row);
        });
        return new ResultTable(wideColumns, rows);
    }

    private static String normal(String column) {
        return column.toLowerCase(Locale.ROOT);
    }

    private static Object text(Object value) {
        if (value instanceof Number number && !(value instanceof Double || value instanceof Float)) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return BigDecimal.valueOf(((Number) value).doubleValue()).stripTrailingZeros().toPlainString();
        }
        return value == null ? null : value.toString();
    }
}
