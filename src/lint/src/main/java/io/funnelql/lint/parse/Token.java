package io.funnelql.lint.parse;

import java.util.Locale;
import java.util.Set;

/** A lexical token of SQL text, located by its offsets in the file. Comments are not tokens. */
public record Token(Kind kind, String text, int start, int end) {
    /** PARAM: a parameter the parser does not read as written ({@code $1}, psql's {@code :name}, {@code :'name'}, {@code :"name"}). */
    public enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL, PARAM }

    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    public boolean isWordIn(Set<String> words) {
        return kind == Kind.WORD && words.contains(name());
    }

    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** The name this token spells: unquoted words fold to lower case, quoted names lose their quotes. */
    public String name() {
        return kind == Kind.QUOTED_NAME
                ? text.substring(1, text.length() - 1).replace("\"\"", "\"").toLowerCase(Locale.ROOT)
                : text.toLowerCase(Locale.ROOT);
    }
}
