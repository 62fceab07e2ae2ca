package io.funnelql.report;

import io.funnelql.dsl.model.PeriodUnit;
import io.funnelql.dsl.model.RetentionPeriod;
import io.funnelql.events.Values;
import io.funnelql.result.ResultTable;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Retention's {@code report cohorts} as a heat map: a row a cohort, a column an offset, each cell
 * the share retained (colour and percentage) with returned/size. A cell whose period starts after
 * the last event of the file has not been observed yet: it is left blank rather than shown as
 * 0 %, which gives the familiar cohort triangle.
 */
final class RetentionHeatMap {
    private RetentionHeatMap() {}

    private record Cell(long returned, long size, Object percentage) {}

    static Optional<String> render(ResultTable result, Optional<RetentionPeriod> period, Optional<LocalDateTime> lastEvent) {
        Optional<int[]> found = ResultColumns.find(result, "cohort", "offset", "cohort_size", "returned", "percentage");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        int[] at = found.get();
        Map<Object, Long> cohortSizes = new LinkedHashMap<>();
        TreeSet<Long> offsets = new TreeSet<>();
        Map<List<Object>, Cell> cells = new HashMap<>();
        for (List<Object> row : result.rows()) {
            long offset = (long) ResultColumns.number(row.get(at[1]));
            long size = (long) ResultColumns.number(row.get(at[2]));
            cohortSizes.putIfAbsent(row.get(at[0]), size);
            offsets.add(offset);
            cells.put(List.of(String.valueOf(row.get(at[0])), offset),
                    new Cell((long) ResultColumns.number(row.get(at[3])), size, row.get(at[4])));
        }
        StringBuilder out = new StringBuilder("<section class=\"chart retention\">\n<h2>Retention by cohort</h2>\n");
        out.append("<p class=\"note\">Each cell: the share of the cohort that returned at that offset, with returned / cohort size."
                + " A blank cell's period starts after the last event in the file: not observed yet.</p>\n");
        out.append("<table class=\"heatmap\">\n<thead><tr><th>cohort</th><th>size</th>");
        for (long offset : offsets) {
            out.append("<th>+").append(offset).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        for (Map.Entry<Object, Long> cohort : cohortSizes.entrySet()) {
            out.append("<tr><th>").append(Html.escape(Values.format(cohort.getKey()))).append("</th><td class=\"size\">")
                    .append(cohort.getValue()).append("</td>");
            for (long offset : offsets) {
                Cell cell = cells.get(List.of(String.valueOf(cohort.getKey()), offset));
                out.append(cell(cohort.getKey(), offset, cell, period, lastEvent));
            }
            out.append("</tr>\n");
        }
        return Optional.of(out.append("</tbody>\n</table>\n</section>\n").toString());
    }

    private static String cell(Object cohort, long offset, Cell cell, Optional<RetentionPeriod> period,
                               Optional<LocalDateTime> lastEvent) {
        if (cell == null) {
            return "<td class=\"cell missing\"></td>";
        }
        if (!observed(cohort, offset, period, lastEvent)) {
            return "<td class=\"cell unobserved\" title=\"not observed yet: the period starts after the last event\"></td>";
        }
        double share = cell.size() == 0 ? 0 : (double) cell.returned() / cell.size();
        String percentage = cell.percentage() == null ? "–" : Values.format(cell.percentage()) + " %";
        return "<td class=\"cell\" data-share=\"" + String.format(Locale.ROOT, "%.4f", share) + "\" style=\"background:"
                + colour(share) + ";color:" + (share > 0.55 ? "#fff" : "#1b2733") + "\" title=\""
                + Html.escape(cell.returned() + " of " + cell.size() + " returned at offset " + offset) + "\">"
                + Html.escape(percentage) + "<small>" + cell.returned() + " / " + cell.size() + "</small></td>";
    }

    /** Pale for few, deep blue for all: one hue, so the order reads without a legend. */
    private static String colour(double share) {
        return String.format(Locale.ROOT, "hsl(212,72%%,%.1f%%)", 96 - 58 * Math.max(0, Math.min(1, share)));
    }

    /** Whether the cell's period starts at or before the last event; unknown inputs count as observed. */
    static boolean observed(Object cohort, long offset, Optional<RetentionPeriod> period, Optional<LocalDateTime> lastEvent) {
        if (!(cohort instanceof LocalDate day) || period.isEmpty() || lastEvent.isEmpty()) {
            return true;
        }
        Instant last = lastEvent.get().toInstant(ZoneOffset.UTC);
        Instant start;
        if (period.get() instanceof RetentionPeriod.Calendar calendar) {
            LocalDate first = calendar.unit() == PeriodUnit.DAY ? day.plusDays(offset)
                    : calendar.unit() == PeriodUnit.WEEK ? day.plusWeeks(offset) : day.plusMonths(offset);
            start = first.atStartOfDay(calendar.zone()).toInstant();
        } else if (period.get() instanceof RetentionPeriod.Rolling rolling) {
            // the earliest any key of the cohort could reach the offset: its cohort event at the start of the day
            start = day.atStartOfDay(ZoneOffset.UTC).toInstant().plus(rolling.length().multipliedBy(offset));
        } else {
            return true;
        }
        return !start.isAfter(last);
    }
}
