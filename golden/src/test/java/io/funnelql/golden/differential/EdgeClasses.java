package io.funnelql.golden.differential;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The classes of edge a generated (spec, dataset) pair holds (issue 21), for the run's summary:
 * every class the generators aim at must show a share there, so a generator that stops writing
 * one is seen.
 */
final class EdgeClasses {
    private static final String LONG_TEXT = "x".repeat(300);

    private EdgeClasses() {}

    static Set<String> of(GeneratedSpec spec, List<List<Object>> rows) {
        Set<String> classes = new TreeSet<>();
        String text = spec.text();
        if (text.contains(" ''") || text.contains("(''")) {
            classes.add("literal ''");
        }
        if (text.contains(Conditions.literal("two\nlines")) || text.contains(Conditions.literal("cr\r\nlf"))) {
            classes.add("literal with a line break");
        }
        if (text.chars().anyMatch(c -> c == '\t' || c == 0x01 || c == 0x1b || c == 0x7f)) {
            classes.add("literal with a control character or tab");
        }
        if (text.contains(LONG_TEXT)) {
            classes.add("literal of 305 characters");
        }
        if (text.contains("within 0 seconds")) {
            classes.add("window 0");
        }
        if (text.contains("110000 days") || text.contains("106751991 days")) {
            classes.add("window, gap or period at the limits (110000 or 106751991 days)");
        }
        if (spec.shape().oddNames()) {
            classes.add("odd quoted identifier");
        }
        for (List<Object> row : rows) {
            for (Object value : row) {
                if (value == null) {
                    classes.add("data: NULL");
                } else if (value instanceof String string) {
                    if (string.isEmpty()) {
                        classes.add("data: ''");
                    } else if (string.contains("\n")) {
                        classes.add("data: line break");
                    } else if (string.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                        classes.add("data: control character or tab");
                    } else if (string.length() > 100) {
                        classes.add("data: long text");
                    }
                }
            }
        }
        return classes;
    }
}
