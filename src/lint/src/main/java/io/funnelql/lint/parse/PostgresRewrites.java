package io.funnelql.lint.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the PostgreSQL (and DuckDB) syntax Babel does not read, in place and at the same
 * length, so every position Babel reports is still a position in the file: {@code INTERVAL '30
 * minutes'} and {@code '30 minutes'::interval} become {@code INTERVAL '30' minute}, and a
 * {@code ::} cast inside an expression is put in parentheses ({@link CastParentheses}).
 */
final class PostgresRewrites {
    private static final Pattern INTERVAL_TEXT = Pattern.compile(
            "\\s*([+-]?\\d+(?:\\.\\d+)?)\\s*(second|minute|hour|day|week|month|year)s?\\s*",
            Pattern.CASE_INSENSITIVE);

    private PostgresRewrites() {}

    /** Rewrites the query text whose tokens are {@code tokens}; intervals first, so their casts are gone. */
    static void apply(char[] text, List<Token> tokens) {
        rewriteIntervals(text, tokens);
        CastParentheses.apply(text, tokens);
    }

    private static void rewriteIntervals(char[] text, List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token token = tokens.get(i);
            Token next = tokens.get(i + 1);
            if (token.isWord("interval") && next.kind() == Token.Kind.STRING) {
                replace(text, next.start(), next.end(), intervalLiteral(next, ""));
            } else if (token.kind() == Token.Kind.STRING && next.isSymbol("::") && i + 2 < tokens.size()
                    && tokens.get(i + 2).isWord("interval")) {
                replace(text, token.start(), tokens.get(i + 2).end(), intervalLiteral(token, "interval "));
            }
        }
    }

    /** {@code '30 minutes'} as {@code '30' minute} (with a prefix), or null when it has another shape. */
    private static String intervalLiteral(Token literal, String prefix) {
        String text = literal.text();
        if (!text.startsWith("'")) {
            return null;
        }
        Matcher matcher = INTERVAL_TEXT.matcher(text.substring(1, text.length() - 1));
        if (!matcher.matches()) {
            return null;
        }
        return prefix + "'" + matcher.group(1) + "' " + matcher.group(2).toLowerCase(Locale.ROOT);
    }

    /** Writes the replacement over {@code [start, end)}, padded with blanks; one that does not fit is left out. */
    private static void replace(char[] text, int start, int end, String replacement) {
        if (replacement == null || replacement.length() > end - start) {
            return;
        }
        for (int i = start; i < end; i++) {
            int k = i - start;
            text[i] = k < replacement.length() ? replacement.charAt(k) : ' ';
        }
    }
}
