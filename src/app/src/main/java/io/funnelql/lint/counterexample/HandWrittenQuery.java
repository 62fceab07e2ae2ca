package io.funnelql.lint.counterexample;

import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.parse.SqlLexer;
import io.funnelql.lint.parse.Token;

import java.util.List;
import java.util.Optional;

/**
 * The query a hand-written SQL file implements: its last statement that holds one — a SELECT or
 * WITH, or the query of a CREATE [MATERIALIZED] VIEW, CREATE TABLE AS or INSERT … SELECT — as
 * the text written in the file, so the engine runs exactly what the author wrote.
 */
public final class HandWrittenQuery {
    private HandWrittenQuery() {}

    public static Optional<String> last(SqlFile file) {
        List<List<Token>> statements = SqlLexer.statements(SqlLexer.tokens(file.text()));
        for (int i = statements.size() - 1; i >= 0; i--) {
            Optional<String> query = query(file, statements.get(i));
            if (query.isPresent()) {
                return query;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> query(SqlFile file, List<Token> tokens) {
        Token first = tokens.get(0);
        int start = -1;
        if (first.isWord("select") || first.isWord("with") || first.isWord("values")) {
            start = 0;
        } else if (first.isWord("create") || first.isWord("insert")) {
            for (int i = 1; i < tokens.size() && start < 0; i++) {
                if (tokens.get(i).isWord("select") || tokens.get(i).isWord("with")) {
                    start = i;
                }
            }
        }
        if (start < 0) {
            return Optional.empty();
        }
        return Optional.of(file.text().substring(tokens.get(start).start(), tokens.get(tokens.size() - 1).end()));
    }
}
