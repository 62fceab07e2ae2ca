package io.funnelql.dialects;

import java.util.function.IntPredicate;

/**
 * How every target writes a string constant: {@code '…'} with quotes doubled. Calcite would
 * prefix a charset ({@code _UTF-16'…'}) or switch to {@code U&'\…'} escapes for text outside
 * ASCII, which DuckDB and Oracle do not read; the JDBC drivers carry Unicode intact.
 *
 * <p>Control characters other than tab, line feed and carriage return (U+0001 to U+001F, U+007F)
 * are written as {@code CHR(n)} joined with {@code ||}, e.g. {@code ('a' || CHR(1) || 'b')}: every
 * target has CHR for ASCII codes, and the SQL text then holds no character a terminal, an editor
 * or a driver might act on. The analyser refuses NUL (U+0000), which no engine keeps.
 *
 * <p>Spark reads a backslash in a literal as an escape, or not, by a session setting, and may
 * not take a doubled quote as a quote: there the quote and the backslash are {@code CHR(n)} too.
 */
final class StringLiterals {
    private StringLiterals() {}

    static void quote(StringBuilder buffer, String value) {
        quote(buffer, value, StringLiterals::escaped);
    }

    /** As {@link #quote}, with {@code '} and {@code \} also written as CHR(n) (Spark). */
    static void quoteWithoutQuotesOrBackslashes(StringBuilder buffer, String value) {
        quote(buffer, value, c -> escaped(c) || c == '\'' || c == '\\');
    }

    private static void quote(StringBuilder buffer, String value, IntPredicate escaped) {
        if (value.chars().noneMatch(escaped)) {
            plain(buffer, value);
            return;
        }
        buffer.append('(');
        int start = 0;
        boolean first = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!escaped.test(c)) {
                continue;
            }
            if (i > start) {
                first = separator(buffer, first);
                plain(buffer, value.substring(start, i));
            }
            first = separator(buffer, first);
            buffer.append("CHR(").append((int) c).append(')');
            start = i + 1;
        }
        if (start < value.length()) {
            separator(buffer, first);
            plain(buffer, value.substring(start));
        }
        buffer.append(')');
    }

    /** Whether a character is written as CHR(n) rather than inside the quotes. */
    static boolean escaped(int c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    private static boolean separator(StringBuilder buffer, boolean first) {
        if (!first) {
            buffer.append(" || ");
        }
        return false;
    }

    private static void plain(StringBuilder buffer, String value) {
        buffer.append('\'').append(value.replace("'", "''")).append('\'');
    }
}
