package io.funnelql.dsl.parser;

import io.funnelql.dsl.ast.Statement;
import io.funnelql.dsl.ast.Script;
import io.funnelql.dsl.diagnostic.Diagnostic;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.grammar.FunnelQLLexer;
import io.funnelql.dsl.grammar.FunnelQLParser;

import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * The one entry point from text to AST. The file is lexed once and cut into statements at each
 * top-level {@code ;}; each statement is parsed on its own, so one syntax error is reported per
 * broken statement and the statements after it are still checked.
 */
public final class SpecificationParser {
    private static final int SEMICOLON = tokenType("';'");

    public ParseResult parse(SourceFile file) {
        FunnelQLLexer lexer = new FunnelQLLexer(CharStreams.fromString(file.text(), file.name()));
        lexer.removeErrorListeners(); // the UNRECOGNIZED rule turns every stray character into a token
        List<Statement> statements = new ArrayList<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (List<Token> statementTokens : splitStatements(lexer.getAllTokens())) {
            try {
                statements.add(parseStatement(statementTokens));
            } catch (ParsingException e) {
                diagnostics.add(e.diagnostic());
            }
        }
        return new ParseResult(new Script(statements), diagnostics);
    }

    private static Statement parseStatement(List<Token> tokens) {
        FunnelQLParser parser = new FunnelQLParser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.removeErrorListeners();
        parser.addErrorListener(new SyntaxErrorListener());
        return new AstBuilder().buildStatement(parser.singleStatement());
    }

    /** Statements with their trailing ';'; a last statement without one is kept so its error is reported. */
    private static List<List<Token>> splitStatements(List<? extends Token> tokens) {
        List<List<Token>> statements = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        boolean hasContent = false;
        for (Token token : tokens) {
            current.add(token);
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            hasContent = true;
            if (token.getType() == SEMICOLON) {
                statements.add(current);
                current = new ArrayList<>();
                hasContent = false;
            }
        }
        if (hasContent) {
            statements.add(current);
        }
        return statements;
    }

    private static int tokenType(String literal) {
        for (int type = 1; type <= FunnelQLLexer.VOCABULARY.getMaxTokenType(); type++) {
            if (literal.equals(FunnelQLLexer.VOCABULARY.getLiteralName(type))) {
                return type;
            }
        }
        throw new IllegalStateException("no token " + literal);
    }
}
