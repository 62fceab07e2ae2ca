package io.funnelql.report;

import io.funnelql.events.Values;
import io.funnelql.result.ResultTable;

import java.util.List;

/** Any result as an HTML table: numbers right-aligned, NULL marked as such, long results cut with a note. */
final class ResultTableHtml {
    static final int MOST_ROWS = 500;

    private ResultTableHtml() {}

    static String render(ResultTable result) {
        StringBuilder out = new StringBuilder("<table class=\"result\">\n<thead><tr>");
        for (String column : result.columns()) {
            out.append("<th>").append(Html.escape(column)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        List<List<Object>> rows = result.rows();
        for (List<Object> row : rows.subList(0, Math.min(MOST_ROWS, rows.size()))) {
            out.append("<tr>");
            for (Object value : row) {
                if (value == null) {
                    out.append("<td class=\"null\">NULL</td>");
                } else {
                    out.append(value instanceof Number ? "<td class=\"number\">" : "<td>")
                            .append(Html.escape(Values.format(value))).append("</td>");
                }
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        if (rows.size() > MOST_ROWS) {
            out.append("<p class=\"note\">The first ").append(MOST_ROWS).append(" of ").append(rows.size())
                    .append(" rows; run with --format csv for all of them.</p>\n");
        }
        return out.toString();
    }
}
