package io.funnelql.dsl.parser;

import io.funnelql.dsl.grammar.FunnelQLLexer;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the set of tokens the parser could have accepted into the readable list a message shows:
 * keywords in quotes, and placeholders such as {@code <identifier>} and {@code <expression>} for
 * the token classes a person thinks of as one thing.
 */
final class ExpectedTokens {
    private ExpectedTokens() {}

    static String describe(IntervalSet expected) {
        boolean identifier = expected.contains(FunnelQLLexer.IDENTIFIER);
        if (identifier && expected.contains(FunnelQLLexer.STRING)) {
            return "<expression>"; // only an expression can start with either
        }
        Set<String> names = new TreeSet<>();
        for (int type : expected.toList()) {
            if (identifier && Keywords.isKeyword(type)) {
                continue; // every keyword is also an identifier: <identifier> covers it
            }
            names.add(name(type));
        }
        return String.join(", ", names);
    }

    static String name(int type) {
        Vocabulary vocabulary = FunnelQLLexer.VOCABULARY;
        if (type == Token.EOF) {
            return "<end of input>";
        }
        if (Keywords.isKeyword(type)) {
            return "'" + vocabulary.getSymbolicName(type).toLowerCase(Locale.ROOT) + "'";
        }
        return switch (type) {
            case FunnelQLLexer.IDENTIFIER, FunnelQLLexer.QUOTED_IDENTIFIER -> "<identifier>";
            case FunnelQLLexer.STRING -> "<string>";
            case FunnelQLLexer.INTEGER_VALUE -> "<integer>";
            case FunnelQLLexer.DECIMAL_VALUE -> "<number>";
            case FunnelQLLexer.NEQ -> "'<>'";
            default -> {
                String literal = vocabulary.getLiteralName(type);
                yield literal != null ? literal : vocabulary.getDisplayName(type);
            }
        };
    }
}
