package io.funnelql.result;

import io.funnelql.events.Values;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a result as an aligned table, CSV or JSON, NULL distinct from the empty string in each
 * (docs/inputs.md, "Outputs"): the table shows NULL as {@value #NULL_MARKER} and the empty
 * string as an empty cell; CSV writes NULL as an empty unquoted field and the empty string as
 * {@code ""}, so the events reader and the test kit's expected rows read it back to the same
 * values; JSON writes {@code null} and {@code ""}.
 */
public final class ResultFormatter {
    /** How a table shows NULL (the HTML report too). */
    public static final String NULL_MARKER = "NULL";

    private ResultFormatter() {}

    /**
     * A header row, then one record per row, LF-terminated. A field is quoted when it is the
     * empty string or holds a comma, a quote or a line end; quotes inside are doubled. A
     * one-column row whose value is NULL is an empty line, which readers of one-column CSV read as NULL.
     */
    public static String csv(ResultTable result) {
        StringBuilder out = new StringBuilder();
        for (int c = 0; c < result.columns().size(); c++) {
            out.append(c == 0 ? "" : ",").append(csvField(result.columns().get(c)));
        }
        out.append('\n');
        for (List<Object> row : result.rows()) {
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "" : ",");
                if (row.get(c) != null) {
                    out.append(csvField(Values.format(row.get(c))));
                }
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String csvField(String text) {
        boolean quoted = text.isEmpty();
        for (int i = 0; i < text.length() && !quoted; i++) {
            char c = text.charAt(i);
            quoted = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    public static String json(ResultTable result) {
        StringBuilder out = new StringBuilder("[");
        for (int r = 0; r < result.rows().size(); r++) {
            out.append(r == 0 ? "\n  {" : ",\n  {");
            List<Object> row = result.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                out.append(c == 0 ? "" : ", ").append(Json.quote(result.columns().get(c))).append(": ").append(jsonValue(row.get(c)));
            }
            out.append('}');
        }
        return out.append(result.rows().isEmpty() ? "]\n" : "\n]\n").toString();
    }

    /**
     * Columns aligned by terminal width, text to the left and numbers to the right; NULL as
     * {@value #NULL_MARKER}; the fractional numbers of a column with as many decimals as the
     * longest of them (50.00 above 54.36), so a column of percentages lines up.
     */
    public static String table(ResultTable result) {
        int[] decimals = decimals(result);
        boolean[] numeric = new boolean[result.columns().size()];
        for (List<Object> row : result.rows()) {
            for (int c = 0; c < row.size(); c++) {
                numeric[c] |= row.get(c) instanceof Number;
            }
        }
        List<List<String>> cells = new ArrayList<>();
        cells.add(result.columns().stream().map(TerminalText::visible).toList());
        for (List<Object> row : result.rows()) {
            List<String> texts = new ArrayList<>(row.size());
            for (int c = 0; c < row.size(); c++) {
                Object value = row.get(c);
                texts.add(value == null ? NULL_MARKER : TerminalText.visible(tableText(value, decimals[c])));
            }
            cells.add(texts);
        }
        int[] widths = new int[result.columns().size()];
        for (List<String> row : cells) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], TerminalText.width(row.get(c)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            List<String> row = cells.get(r);
            for (int c = 0; c < row.size(); c++) {
                Object value = r > 0 ? result.rows().get(r - 1).get(c) : null;
                boolean number = r > 0 && (value instanceof Number || (value == null && numeric[c]));
                String cell = row.get(c);
                String padding = " ".repeat(widths[c] - TerminalText.width(cell));
                out.append(c == 0 ? "" : "  ").append(number ? padding + cell : cell + padding);
            }
            out.append('\n');
            if (r == 0) {
                for (int c = 0; c < widths.length; c++) {
                    out.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
                }
                out.append('\n');
            }
        }
        out.append('(').append(result.rows().size()).append(result.rows().size() == 1 ? " row)\n" : " rows)\n");
        return out.toString().replaceAll(" +\n", "\n");
    }

    /** Per column, the most fractional digits a plain decimal Double in it has (-1 when it has none). */
    private static int[] decimals(ResultTable result) {
        int[] decimals = new int[result.columns().size()];
        Arrays.fill(decimals, -1);
        for (List<Object> row : result.rows()) {
            for (int c = 0; c < row.size(); c++) {
                if (row.get(c) instanceof Double number) {
                    String text = Values.format(number);
                    int point = text.indexOf('.');
                    if (point >= 0 && text.indexOf('E') < 0) {
                        decimals[c] = Math.max(decimals[c], text.length() - point - 1);
                    }
                }
            }
        }
        return decimals;
    }

    private static String tableText(Object value, int decimals) {
        String text = Values.format(value);
        if (value instanceof Double && decimals > 0 && text.indexOf('.') >= 0 && text.indexOf('E') < 0) {
            return new BigDecimal(text).setScale(decimals).toPlainString();
        }
        return text;
    }

    private static String jsonValue(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return Json.quote(Values.format(value));
    }
}
