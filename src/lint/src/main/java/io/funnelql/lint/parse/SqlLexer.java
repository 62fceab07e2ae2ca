package io.funnelql.lint.parse;

import java.util.ArrayList;
import java.util.List;

/**
 * A small SQL lexer, enough to cut a file into statements and to read statement headers and
 * table declarations: it knows string literals ('' escapes, E'' escapes, PostgreSQL dollar
 * quotes, Oracle's {@code q'[…]'}), quoted names, line and block comments, numbers and symbols
 * (:: counted as one).
 */
public final class SqlLexer {
    private SqlLexer() {}

    public static List<Token> tokens(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int close = text.indexOf("*/", i + 2);
                i = close < 0 ? n : close + 2;
            } else if (quotedStringEnd(text, i) > 0) {
                int end = quotedStringEnd(text, i);
                tokens.add(new Token(Token.Kind.STRING, text.substring(i, end), i, end));
                i = end;
            } else if (c == '\'' || ((c == 'E' || c == 'e') && i + 1 < n && text.charAt(i + 1) == '\'')) {
                int start = i;
                boolean backslashEscapes = c != '\'';
                i = c == '\'' ? i + 1 : i + 2;
                while (i < n) {
                    char d = text.charAt(i);
                    if (backslashEscapes && d == '\\') {
                        i += 2;
                    } else if (d == '\'' && i + 1 < n && text.charAt(i + 1) == '\'') {
                        i += 2;
                    } else if (d == '\'') {
                        i++;
                        break;
                    } else {
                        i++;
                    }
                }
                tokens.add(new Token(Token.Kind.STRING, text.substring(start, Math.min(i, n)), start, Math.min(i, n)));
            } else if (c == '"') {
                int start = i++;
                while (i < n) {
                    if (text.charAt(i) == '"' && i + 1 < n && text.charAt(i + 1) == '"') {
                        i += 2;
                    } else if (text.charAt(i) == '"') {
                        i++;
                        break;
                    } else {
                        i++;
                    }
                }
                tokens.add(new Token(Token.Kind.QUOTED_NAME, text.substring(start, Math.min(i, n)), start, Math.min(i, n)));
            } else if (c == '$' && dollarTag(text, i) != null) {
                String tag = dollarTag(text, i);
                int close = text.indexOf(tag, i + tag.length());
                int end = close < 0 ? n : close + tag.length();
                tokens.add(new Token(Token.Kind.STRING, text.substring(i, end), i, end));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.WORD, text.substring(start, i), start, i));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.NUMBER, text.substring(start, i), start, i));
            } else if (c == '$' && i + 1 < n && Character.isDigit(text.charAt(i + 1))) {
                int start = i++;
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                tokens.add(new Token(Token.Kind.PARAM, text.substring(start, i), start, i));
            } else if (c == ':' && i + 1 < n && text.charAt(i + 1) != ':' && (i == 0 || text.charAt(i - 1) != ':')
                    && psqlVariableEnd(text, i) > 0) {
                int end = psqlVariableEnd(text, i);
                tokens.add(new Token(Token.Kind.PARAM, text.substring(i, end), i, end));
                i = end;
            } else if (c == '\\' && atLineStart(text, i)) {
                // A psql meta-command (\set, \timing, \gset…) runs to the end of its line and ends a statement.
                tokens.add(new Token(Token.Kind.SYMBOL, ";", i, i));
                while (i < n && text.charAt(i) != '\n') {
                    i++;
                }
            } else if (operator(text, i) != null) {
                String operator = operator(text, i);
                tokens.add(new Token(Token.Kind.SYMBOL, operator, i, i + operator.length()));
                i += operator.length();
            } else {
                tokens.add(new Token(Token.Kind.SYMBOL, c < ASCII_SYMBOLS.length ? ASCII_SYMBOLS[c] : String.valueOf(c), i, i + 1));
                i++;
            }
        }
        return tokens;
    }

    /** One string per ASCII character, shared by every one-character symbol of a file. */
    private static final String[] ASCII_SYMBOLS = new String[128];

    static {
        for (char c = 0; c < ASCII_SYMBOLS.length; c++) {
            ASCII_SYMBOLS[c] = String.valueOf(c);
        }
    }

    /** Operators of more than one character, longest first. */
    private static final String[] OPERATORS = {"->>", "#>>", "!~*", "::", "->", "#>", "?|", "?&", "@>", "<@", "//", "||",
            "<=", ">=", "<>", "!=", "~*", "!~", "=>", ":=", "&&", "@@"};

    private static String operator(String text, int i) {
        if ("-#!:?@<>/|=~&".indexOf(text.charAt(i)) < 0) {
            return null;
        }
        for (String operator : OPERATORS) {
            if (text.startsWith(operator, i)) {
                return operator;
            }
        }
        return null;
    }

    private static boolean atLineStart(String text, int i) {
        for (int j = i - 1; j >= 0 && text.charAt(j) != '\n'; j--) {
            if (!Character.isWhitespace(text.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    /** The end of a psql variable ({@code :name}, {@code :'name'}, {@code :"name"}) at {@code i}, or -1. */
    private static int psqlVariableEnd(String text, int i) {
        int j = i + 1;
        if (j < text.length() && (text.charAt(j) == '\'' || text.charAt(j) == '"')) {
            char quote = text.charAt(j);
            int close = text.indexOf(quote, j + 1);
            if (close > j + 1 && text.substring(j + 1, close).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                return close + 1;
            }
            return -1;
        }
        if (j < text.length() && (Character.isLetter(text.charAt(j)) || text.charAt(j) == '_')) {
            while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
                j++;
            }
            return j;
        }
        return -1;
    }

    /**
     * The end of Oracle's alternative quoting at {@code i} ({@code q'[it's]'}, {@code Q'{…}'},
     * {@code nq'!…!'}: the quote is the bracket or character after {@code q'}), or -1.
     */
    private static int quotedStringEnd(String text, int i) {
        int q = text.charAt(i) == 'n' || text.charAt(i) == 'N' ? i + 1 : i;
        if (q + 2 >= text.length() || (text.charAt(q) != 'q' && text.charAt(q) != 'Q') || text.charAt(q + 1) != '\''
                || (i > 0 && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '_'))) {
            return -1;
        }
        char open = text.charAt(q + 2);
        if (Character.isWhitespace(open)) {
            return -1;
        }
        int pair = "[{(<".indexOf(open);
        char close = pair >= 0 ? "]})>".charAt(pair) : open;
        for (int j = q + 3; j + 1 < text.length(); j++) {
            if (text.charAt(j) == close && text.charAt(j + 1) == '\'') {
                return j + 2;
            }
        }
        return -1;
    }

    /** {@code $$} or {@code $tag$} starting at {@code i}, or null. */
    private static String dollarTag(String text, int i) {
        int j = i + 1;
        while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_')) {
            j++;
        }
        if (j < text.length() && text.charAt(j) == '$' && (j == i + 1 || !Character.isDigit(text.charAt(i + 1)))) {
            return text.substring(i, j + 1);
        }
        return null;
    }

    /** The file's statements: token runs between top-level semicolons, empty ones dropped. */
    public static List<List<Token>> statements(List<Token> tokens) {
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        for (Token token : tokens) {
            if (token.isSymbol(";")) {
                if (!current.isEmpty()) {
                    statements.add(List.copyOf(current));
                }
                current = new ArrayList<>();
            } else {
                current.add(token);
            }
        }
        if (!current.isEmpty()) {
            statements.add(List.copyOf(current));
        }
        return statements;
    }

    /** The index of the ')' that closes the '(' at {@code open}, or -1 when it is not closed. */
    static int closingParenthesis(List<Token> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).isSymbol("(")) {
                depth++;
            } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
