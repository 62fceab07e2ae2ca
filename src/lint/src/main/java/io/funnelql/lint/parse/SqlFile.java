package io.funnelql.lint.parse;

import java.util.ArrayList;
import java.util.List;

/** One SQL file's text, with the offsets where its lines start (lines and columns count from 1). */
public record SqlFile(String name, String text, List<Integer> lineStarts) {
    public SqlFile {
        lineStarts = List.copyOf(lineStarts);
    }

    public static SqlFile of(String name, String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return new SqlFile(name, text, starts);
    }

    public int lineOf(int offset) {
        int low = 0;
        int high = lineStarts.size() - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (lineStarts.get(middle) <= offset) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low + 1;
    }

    public int columnOf(int offset) {
        return offset - lineStarts.get(lineOf(offset) - 1) + 1;
    }

    /** The text of a line (1-based), without its line break; empty past the end. */
    public String line(int number) {
        if (number < 1 || number > lineStarts.size()) {
            return "";
        }
        int start = lineStarts.get(number - 1);
        int end = number < lineStarts.size() ? lineStarts.get(number) - 1 : text.length();
        String line = text.substring(start, Math.max(start, end));
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
