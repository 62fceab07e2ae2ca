package io.funnelql.dsl.parser;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.grammar.FunnelQLLexer;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Stops a statement at its first syntax error and phrases it for a person: what was found and
 * everything that could have come instead.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String antlrMessage, RecognitionException exception) {
        Token token = (Token) offendingSymbol;
        SourceLocation location = new SourceLocation(Math.max(line, 1), charPositionInLine + 1);
        throw new ParsingException(location, message(token, expected((Parser) recognizer, exception)));
    }

    private static IntervalSet expected(Parser parser, RecognitionException exception) {
        if (exception != null && exception.getExpectedTokens() != null && !exception.getExpectedTokens().isNil()) {
            return exception.getExpectedTokens();
        }
        return parser.getExpectedTokens();
    }

    private static String message(Token token, IntervalSet expected) {
        if (token.getType() == FunnelQLLexer.UNRECOGNIZED) {
            return switch (token.getText()) {
                case "'" -> "unterminated string literal: a string ends with '";
                case "\"" -> "unterminated quoted identifier: a quoted name ends with \"";
                default -> "unexpected character '" + token.getText() + "'";
            };
        }
        String found = token.getType() == Token.EOF ? "unexpected end of input" : "mismatched input '" + token.getText() + "'";
        String choices = ExpectedTokens.describe(expected);
        return choices.isEmpty() ? found : found + ". Expecting: " + choices;
    }
}
