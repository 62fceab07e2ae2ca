package io.funnelql.report;

import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Per-key results summed up as bars: a funnel's keys by the furthest step they reached, and for
 * retention's per-key rows (returned_N, or condition lists) how many keys each true/false column
 * holds true for.
 */
final class PerKeyBars {
    /** More distinct values than this are summed up by the table, not drawn. */
    private static final int TOP_VALUES = 20;

    private PerKeyBars() {}

    /** {@code stepNames} in order; level 0 (never entered) gets a bar only when some key has it. */
    static Optional<String> furthestSteps(ResultTable result, List<String> stepNames) {
        int at = result.columns().indexOf("furthest_step");
        if (at < 0) {
            return Optional.empty();
        }
        long[] keys = new long[stepNames.size() + 1];
        for (List<Object> row : result.rows()) {
            int level = (int) ResultColumns.number(row.get(at));
            if (level >= 0 && level < keys.length) {
                keys[level]++;
            }
        }
        List<HorizontalBars.Bar> bars = new ArrayList<>();
        for (int level = keys[0] == 0 ? 1 : 0; level < keys.length; level++) {
            String label = level == 0 ? "0. never entered" : level + ". " + stepNames.get(level - 1);
            bars.add(new HorizontalBars.Bar(label, keys[level], keys[level] + share(keys[level], result.rows().size())));
        }
        return Optional.of(section("Furthest step reached", result.rows().size() + " rows (keys or attempts), each counted at the "
                + "furthest step it reached.", HorizontalBars.svg("furthest step reached", bars)));
    }

    /** Every column whose values are all true, false or NULL (at least one not NULL) gets a bar: rows where it is true. */
    static Optional<String> trueCounts(ResultTable result) {
        List<HorizontalBars.Bar> bars = new ArrayList<>();
        for (int column = 0; column < result.columns().size(); column++) {
            boolean flags = false;
            long truths = 0;
            for (List<Object> row : result.rows()) {
                Object value = row.get(column);
                if (value != null && !(value instanceof Boolean)) {
                    flags = false;
                    break;
                }
                flags |= value != null;
                truths += Boolean.TRUE.equals(value) ? 1 : 0;
            }
            if (flags) {
                bars.add(new HorizontalBars.Bar(result.columns().get(column), truths, truths + share(truths, result.rows().size())));
            }
        }
        if (bars.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(section("Keys per column", "Of " + result.rows().size() + " rows, how many are true in each column.",
                HorizontalBars.svg("rows true per column", bars)));
    }

    /** The most frequent values of {@code column} (a next or previous node), a bar each, NULL as "(none)". */
    static Optional<String> valueCounts(ResultTable result, String column, String title) {
        int at = result.columns().indexOf(column);
        if (at < 0) {
            return Optional.empty();
        }
        Map<String, Long> counts = new HashMap<>();
        for (List<Object> row : result.rows()) {
            Object value = row.get(at);
            counts.merge(value == null ? "(none)" : value.toString(), 1L, Long::sum);
        }
        List<Map.Entry<String, Long>> top = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_VALUES).toList();
        List<HorizontalBars.Bar> bars = new ArrayList<>();
        for (Map.Entry<String, Long> entry : top) {
            bars.add(new HorizontalBars.Bar(entry.getKey(), entry.getValue(),
                    entry.getValue() + share(entry.getValue(), result.rows().size())));
        }
        String more = counts.size() > TOP_VALUES ? " The " + TOP_VALUES + " most frequent of " + counts.size() + " values." : "";
        return Optional.of(section(title, "Of " + result.rows().size() + " keys, how many have each " + column
                + " ((none): no base, or the chain failed)." + more, HorizontalBars.svg(title, bars)));
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "" : String.format(Locale.ROOT, "  ·  %.1f %%", 100.0 * part / whole);
    }

    private static String section(String title, String note, String svg) {
        return "<section class=\"chart per-key\">\n<h2>" + Html.escape(title) + "</h2>\n<p class=\"note\">" + Html.escape(note)
                + "</p>\n" + svg + "</section>\n";
    }
}
