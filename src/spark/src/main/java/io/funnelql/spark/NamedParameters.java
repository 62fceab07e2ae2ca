package io.funnelql.spark;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement's {@code ?} placeholders as Spark's named markers ({@code :funnelql_parameter_1}, …),
 * with the values by name. Spark 4.1 binds positional markers in the order it meets them in the
 * plan, not in the text: in a CTE whose SELECT list and WHERE clause both hold markers, the WHERE
 * clause's took the SELECT list's values (golden case parameters-defaults). Names cannot be mixed
 * up. A {@code ?} inside a string literal, a quoted name or a comment is text, left alone.
 */
final class NamedParameters {
    static final String PREFIX = "funnelql_parameter_";

    private NamedParameters() {}

    static String named(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 32);
        int number = 0;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end = i + 1;
            if (c == '\'' || c == '"' || c == '`') {
                end = quoted(sql, i, c);
            } else if (c == '-' && sql.startsWith("--", i)) {
                end = sql.indexOf('\n', i);
                end = end < 0 ? sql.length() : end;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                end = sql.indexOf("*/", i + 2);
                end = end < 0 ? sql.length() : end + 2;
            } else if (c == '?') {
                out.append(':').append(PREFIX).append(++number);
                i++;
                continue;
            }
            out.append(sql, i, end);
            i = end;
        }
        return out.toString();
    }

    /** The index after the quoted text starting at {@code start}: a doubled quote stays inside, and in a literal a backslash escapes the next character. */
    private static int quoted(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return sql.length();
    }

    static Map<String, Object> values(List<Object> bindParameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i < bindParameters.size(); i++) {
            values.put(PREFIX + (i + 1), bindParameters.get(i));
        }
        return values;
    }
}
