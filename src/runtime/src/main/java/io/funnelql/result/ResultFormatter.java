package io.funnelql.result;

import io.funnelql.events.Values;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Writes a result as an aligned table (NULL as an empty cell, aligned by terminal width), CSV (header row, NULL as an empty field) or JSON (an array of objects). */
public final class ResultFormatter {
    private ResultFormatter() {}

    public static String csv(ResultTable result) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            printer.printRecord(result.columns());
            for (List<Object> row : result.rows()) {
                printer.printRecord(row.stream().map(Values::format).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
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

    public static String table(ResultTable result) {
        List<List<String>> cells = new ArrayList<>();
        cells.add(result.columns().stream().map(TerminalText::visible).toList());
        for (List<Object> row : result.rows()) {
            cells.add(row.stream().map(value -> TerminalText.visible(Values.format(value))).toList());
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
                boolean number = r > 0 && result.rows().get(r - 1).get(c) instanceof Number;
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
