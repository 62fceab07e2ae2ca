package io.funnelql.verify;

import io.funnelql.events.Values;
import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The rows two results do not share, as a short readable diff ("- expected only", "+ actual only"). */
public final class ResultDiff {
    private ResultDiff() {}

    public static List<String> between(ResultTable expected, ResultTable actual, int limit) {
        List<String> lines = new ArrayList<>();
        if (!expected.columns().equals(actual.columns())) {
            lines.add("columns differ: expected " + expected.columns() + ", got " + actual.columns());
            return lines;
        }
        Map<String, Integer> remaining = new LinkedHashMap<>();
        actual.rows().forEach(row -> remaining.merge(text(row), 1, Integer::sum));
        for (List<Object> row : expected.rows()) {
            String text = text(row);
            if (remaining.getOrDefault(text, 0) > 0) {
                remaining.merge(text, -1, Integer::sum);
            } else {
                lines.add("- " + text);
            }
        }
        remaining.forEach((text, count) -> {
            for (int i = 0; i < count; i++) {
                lines.add("+ " + text);
            }
        });
        if (lines.size() > limit) {
            // Show both sides: the first rows only the reference has and the first only the engine has.
            List<String> missing = lines.stream().filter(line -> line.startsWith("-")).toList();
            List<String> extra = lines.stream().filter(line -> line.startsWith("+")).toList();
            int fromMissing = Math.min(missing.size(), Math.max(limit / 2, limit - extra.size()));
            List<String> shown = new ArrayList<>(missing.subList(0, fromMissing));
            shown.addAll(extra.subList(0, Math.min(extra.size(), limit - fromMissing)));
            shown.add("... and " + (lines.size() - shown.size()) + " more differing rows");
            return shown;
        }
        return lines;
    }

    private static String text(List<Object> row) {
        return row.stream().map(v -> v == null ? "NULL" : Values.format(v) + typeMark(v)).collect(Collectors.joining(" | "));
    }

    /** Values that print alike but differ in type (1 vs 1.0 vs "1") must not look equal. */
    private static String typeMark(Object value) {
        return value instanceof String ? "" : value instanceof Double ? "d" : "";
    }
}
