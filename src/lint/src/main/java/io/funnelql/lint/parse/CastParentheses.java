package io.funnelql.lint.parse;

import java.util.List;
import java.util.Set;

/**
 * Babel applies {@code ::} to everything before it in the same expression ({@code a = 1 AND
 * b::date > c} reads as {@code (a = 1 AND b)::date > c}) and cannot read it on a BETWEEN's
 * lower bound. A cast whose operand does not start an expression (after '(' ',' SELECT WHERE
 * ON WHEN …) is put in parentheses, inserted around the operand and its type, as PostgreSQL and
 * DuckDB bind it.
 */
final class CastParentheses {
    private static final Set<String> EXPRESSION_STARTS = Set.of("select", "distinct", "all", "where", "on", "having",
            "by", "when", "then", "else", "case");
    private static final Set<String> OPERATOR_WORDS = Set.of("and", "or", "not", "in", "between", "symmetric",
            "asymmetric", "like", "ilike", "is", "exists", "any", "some", "all", "select", "where", "on", "having",
            "by", "when", "then", "else", "case", "as", "values", "from", "join", "using");
    private static final Set<String> TYPE_WORDS = Set.of("precision", "varying", "with", "without", "time", "zone");

    private CastParentheses() {}

    static void apply(List<Token> tokens, TextEdits edits) {
        for (int i = 1; i < tokens.size(); i++) {
            Token cast = tokens.get(i);
            if (!cast.isSymbol("::") || edits.touched(cast.start(), cast.end())) {
                continue; // not a cast, or a '…'::interval already rewritten
            }
            int first = operandStart(tokens, i - 1);
            int last = i;
            while (last < tokens.size() && tokens.get(last).isSymbol("::")) {
                last = typeEnd(tokens, last + 1);
            }
            if (first < 0 || last <= i + 1) {
                continue;
            }
            i = last - 1;
            if (first == 0 || startsExpression(tokens.get(first - 1))) {
                continue;
            }
            edits.insert(tokens.get(first).start(), "(");
            edits.insert(tokens.get(last - 1).end(), ")");
        }
    }

    private static boolean startsExpression(Token token) {
        return token.isSymbol("(") || token.isSymbol(",")
                || (token.kind() == Token.Kind.WORD && EXPRESSION_STARTS.contains(token.name()));
    }

    /** The first token of the operand whose last token is {@code at}, or -1. */
    static int operandStart(List<Token> tokens, int at) {
        if (at < 0) {
            return -1;
        }
        Token last = tokens.get(at);
        if (last.isSymbol(")") || last.isSymbol("]")) {
            String open = last.isSymbol(")") ? "(" : "[";
            int depth = 0;
            for (int j = at; j >= 0; j--) {
                if (tokens.get(j).isSymbol(last.text())) {
                    depth++;
                } else if (tokens.get(j).isSymbol(open) && --depth == 0) {
                    boolean function = j > 0 && (tokens.get(j - 1).kind() == Token.Kind.QUOTED_NAME
                            || (tokens.get(j - 1).kind() == Token.Kind.WORD
                                    && !OPERATOR_WORDS.contains(tokens.get(j - 1).name())));
                    if (function && (tokens.get(j - 1).isWord("filter") || tokens.get(j - 1).isWord("over"))) {
                        return operandStart(tokens, j - 2); // COUNT(*) FILTER (WHERE …)::float: the whole call
                    }
                    if (function && tokens.get(j - 1).isWord("group") && j >= 3 && tokens.get(j - 2).isWord("within")) {
                        return operandStart(tokens, j - 3); // percentile_cont(0.5) WITHIN GROUP (…)::int
                    }
                    if (function) {
                        // a qualified function (schema.f(…)), or an array or subscript (ARRAY[…], a[1])
                        int start = j - 1;
                        while (start >= 2 && tokens.get(start - 1).isSymbol(".")) {
                            start -= 2;
                        }
                        return start;
                    }
                    return j;
                }
            }
            return -1;
        }
        if (last.isWord("end")) {
            int depth = 0;
            for (int j = at; j >= 0; j--) {
                if (tokens.get(j).isWord("end")) {
                    depth++;
                } else if (tokens.get(j).isWord("case") && --depth == 0) {
                    return j;
                }
            }
            return -1;
        }
        if (last.kind() == Token.Kind.STRING) {
            boolean typed = at > 0 && tokens.get(at - 1).kind() == Token.Kind.WORD
                    && Set.of("date", "time", "timestamp", "interval").contains(tokens.get(at - 1).name());
            return typed ? at - 1 : at;
        }
        if (last.kind() == Token.Kind.NUMBER || last.kind() == Token.Kind.PARAM || last.isSymbol("?")) {
            return at;
        }
        if (last.kind() == Token.Kind.WORD || last.kind() == Token.Kind.QUOTED_NAME) {
            int start = at;
            while (start >= 2 && tokens.get(start - 1).isSymbol(".")
                    && (tokens.get(start - 2).kind() == Token.Kind.WORD
                            || tokens.get(start - 2).kind() == Token.Kind.QUOTED_NAME)) {
                start -= 2;
            }
            return start;
        }
        return -1;
    }

    /** The index after a type name starting at {@code at}: words, a (precision) and [] suffixes. */
    private static int typeEnd(List<Token> tokens, int at) {
        if (at >= tokens.size() || (tokens.get(at).kind() != Token.Kind.WORD
                && tokens.get(at).kind() != Token.Kind.QUOTED_NAME)) {
            return at;
        }
        int j = at + 1;
        while (j + 1 < tokens.size() && tokens.get(j).isSymbol(".") && tokens.get(j + 1).kind() == Token.Kind.WORD) {
            j += 2; // a qualified type: pg_catalog.int4
        }
        while (j < tokens.size() && tokens.get(j).kind() == Token.Kind.WORD && TYPE_WORDS.contains(tokens.get(j).name())) {
            j++;
        }
        if (j < tokens.size() && tokens.get(j).isSymbol("(")) {
            int close = SqlLexer.closingParenthesis(tokens, j);
            if (close >= 0) {
                j = close + 1;
            }
        }
        while (j + 1 < tokens.size() && tokens.get(j).isSymbol("[") && tokens.get(j + 1).isSymbol("]")) {
            j += 2;
        }
        while (j < tokens.size() && tokens.get(j).isWord("array")) {
            j++;
        }
        return j;
    }
}
