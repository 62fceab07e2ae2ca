package io.funnelql.result;

import java.util.function.IntPredicate;

/**
 * The one JSON string escaper, for every JSON FunnelQL writes (results, lint reports), and the
 * backslash escapes it shares with a terminal table's control characters ({@link TerminalText}).
 */
public final class Json {
    private Json() {}

    /** {@code text} as a JSON string: in quotes, with quotes, backslashes and control characters escaped. */
    public static String quote(String text) {
        return '"' + escape(text, c -> c == '"' || c == '\\' || c < 0x20) + '"';
    }

    /** {@code text} with the characters {@code escaped} accepts written as \" \\ \n \r \t or backslash-u and four hex digits. */
    static String escape(String text, IntPredicate escaped) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(codePoint -> {
            if (!escaped.test(codePoint)) {
                out.appendCodePoint(codePoint);
                return;
            }
            switch (codePoint) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", codePoint));
            }
        });
        return out.toString();
    }
}
