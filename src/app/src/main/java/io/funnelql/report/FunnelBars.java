package io.funnelql.report;

import io.funnelql.events.Values;
import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A funnel's {@code report steps} as horizontal bars, one bar group per breakdown value (the
 * columns before {@code step}); each caption gives the count and the conversion from the
 * previous and the first step.
 */
final class FunnelBars {
    private FunnelBars() {}

    static Optional<String> render(ResultTable result) {
        Optional<int[]> found = ResultColumns.find(result, "step", "name", "count", "conversion_from_previous", "conversion_from_first");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int[] at = found.get();
        List<String> breakdownColumns = result.columns().subList(0, at[0]);
        Map<List<Object>, List<HorizontalBars.Bar>> groups = new LinkedHashMap<>();
        for (List<Object> row : result.rows()) {
            List<Object> group = new ArrayList<>(row.subList(0, at[0]));
            groups.computeIfAbsent(group, ignored -> new ArrayList<>()).add(new HorizontalBars.Bar(
                    row.get(at[0]) + ". " + Values.format(row.get(at[1])),
                    ResultColumns.number(row.get(at[2])),
                    caption(row.get(at[2]), row.get(at[3]), row.get(at[4]))));
        }
        StringBuilder out = new StringBuilder("<section class=\"chart funnel\">\n<h2>Funnel</h2>\n");
        out.append("<p class=\"note\">Bars scale to the largest step of each group; percentages are conversion from the "
                + "previous step and from the first step.</p>\n");
        for (Map.Entry<List<Object>, List<HorizontalBars.Bar>> group : groups.entrySet()) {
            String title = groupTitle(breakdownColumns, group.getKey());
            out.append("<div class=\"group\" data-group=\"").append(Html.escape(title)).append("\">\n");
            out.append("<h3>").append(Html.escape(title)).append("</h3>\n");
            out.append(HorizontalBars.svg("funnel steps, " + title, group.getValue())).append("</div>\n");
        }
        return Optional.of(out.append("</section>\n").toString());
    }

    private static String caption(Object count, Object fromPrevious, Object fromFirst) {
        String counted = Values.format(count);
        if (fromPrevious == null && fromFirst == null) {
            return counted;
        }
        return counted + "  ·  " + percent(fromPrevious) + " of previous  ·  " + percent(fromFirst) + " of first";
    }

    private static String percent(Object value) {
        return value == null ? "–" : Values.format(value) + " %";
    }

    /** "all keys" without a breakdown; a NULL breakdown value is named as such, not shown as an empty label. */
    private static String groupTitle(List<String> columns, List<Object> values) {
        if (columns.isEmpty()) {
            return "all keys";
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            Object value = values.get(i);
            parts.add(columns.get(i) + (value == null ? " is NULL (not attributed)" : " = " + Values.format(value)));
        }
        return String.join(", ", parts);
    }
}
