package io.funnelql.lint.parse;

import org.apache.calcite.avatica.util.Casing;
import org.apache.calcite.avatica.util.Quoting;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Cuts a SQL file into statements and parses each on its own with Calcite's Babel parser, so a
 * broken statement yields one problem ({@link UnparsableStatement}) and the others are still
 * linted.
 *
 * <p>The statement's header is read first ({@link StatementHeaders}) and blanked out, and only the
 * query is handed to Babel, after the PostgreSQL rewrites ({@link PostgresRewrites}); the text
 * keeps its length and line breaks, so every position Babel reports is a position in the file.
 */
public final class SqlScriptParser {
    private static final SqlParser.Config CONFIG = SqlParser.config()
            .withParserFactory(SqlBabelParserImpl.FACTORY)
            .withConformance(SqlConformanceEnum.BABEL)
            .withQuoting(Quoting.DOUBLE_QUOTE)
            .withUnquotedCasing(Casing.UNCHANGED)
            .withQuotedCasing(Casing.UNCHANGED)
            .withCaseSensitive(false);

    public ParsedFile parse(SqlFile file) {
        List<SqlStatement> statements = new ArrayList<>();
        List<ParseProblem> problems = new ArrayList<>();
        for (List<Token> tokens : SqlLexer.statements(SqlLexer.tokens(file.text()))) {
            try {
                statement(file, tokens).ifPresent(statements::add);
            } catch (UnparsableStatement unparsable) {
                problems.add(unparsable.problem());
            }
        }
        return new ParsedFile(file, statements, problems);
    }

    private static Optional<SqlStatement> statement(SqlFile file, List<Token> tokens) {
        StatementHeader header = StatementHeaders.read(file, tokens);
        if (header instanceof StatementHeader.Declaration declaration) {
            return Optional.of(declaration.table());
        }
        if (header instanceof StatementHeader.Query query) {
            return Optional.of(new SqlStatement.Query(query.kind(), query.target(), query.targetColumns(),
                    query(file, tokens, query.queryStart()), tokens.get(0).start()));
        }
        return Optional.empty();
    }

    /** Parses the query that starts at token {@code from}, in file coordinates. */
    private static SqlNode query(SqlFile file, List<Token> tokens, int from) {
        if (from >= tokens.size()) {
            throw UnparsableStatement.noQueryAfter(file, tokens.get(tokens.size() - 1));
        }
        int queryStart = tokens.get(from).start();
        int end = tokens.get(tokens.size() - 1).end();
        // One blank past the end, where a parenthesis closing a last cast can go.
        char[] text = (file.text().substring(0, end) + " ").toCharArray();
        for (int i = 0; i < queryStart; i++) {
            if (text[i] != '\n' && text[i] != '\r') {
                text[i] = ' ';
            }
        }
        PostgresRewrites.apply(text, tokens.subList(from, tokens.size()));
        try {
            return SqlParser.create(new String(text), CONFIG).parseQuery();
        } catch (SqlParseException e) {
            throw UnparsableStatement.babel(file, tokens, e);
        } catch (RuntimeException e) {
            throw UnparsableStatement.failure(file, tokens.get(from), e);
        }
    }
}
