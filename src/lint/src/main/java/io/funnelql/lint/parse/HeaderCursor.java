package io.funnelql.lint.parse;

import java.util.List;
import java.util.Set;

/** Reads a statement header token by token; a token it does not expect is an {@link UnparsableStatement}. */
final class HeaderCursor {
    private final SqlFile file;
    private final List<Token> tokens;
    private int position;

    HeaderCursor(SqlFile file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /** The index of the token at the cursor. */
    int position() {
        return position;
    }

    void next() {
        position++;
    }

    boolean peekWord(String word) {
        return peekWordAt(0, word);
    }

    boolean peekWordAt(int ahead, String word) {
        return position + ahead < tokens.size() && tokens.get(position + ahead).isWord(word);
    }

    boolean peekSymbol(String symbol) {
        return position < tokens.size() && tokens.get(position).isSymbol(symbol);
    }

    boolean peekAny(Set<String> words) {
        return position < tokens.size() && tokens.get(position).kind() == Token.Kind.WORD
                && words.contains(tokens.get(position).name());
    }

    /** Accepts all the words in a row, or none of them. */
    boolean acceptWords(String... words) {
        for (int i = 0; i < words.length; i++) {
            if (!peekWordAt(i, words[i])) {
                return false;
            }
        }
        position += words.length;
        return true;
    }

    boolean acceptAny(String... words) {
        for (String word : words) {
            if (acceptWords(word)) {
                return true;
            }
        }
        return false;
    }

    /** A name, qualified or not, as its parts joined by dots. */
    String name() {
        StringBuilder name = new StringBuilder();
        do {
            if (position >= tokens.size() || (tokens.get(position).kind() != Token.Kind.WORD
                    && tokens.get(position).kind() != Token.Kind.QUOTED_NAME)) {
                throw problem("expected a name");
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(tokens.get(position++).name());
        } while (peekSymbol(".") && ++position > 0);
        return name.toString();
    }

    /** Moves past the parenthesis at the cursor and its match; returns the match's index. */
    int matchingParenthesis() {
        int close = SqlLexer.closingParenthesis(tokens, position);
        if (close < 0) {
            throw problem("unbalanced parenthesis");
        }
        position = close + 1;
        return close;
    }

    UnparsableStatement problem(String expectation) {
        return UnparsableStatement.expected(file, tokens, position, expectation);
    }
}
