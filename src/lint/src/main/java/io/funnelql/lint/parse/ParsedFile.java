package io.funnelql.lint.parse;

import java.util.List;

/** A SQL file cut into statements: those that parsed, and one problem per statement that did not. */
public record ParsedFile(SqlFile file, List<SqlStatement> statements, List<ParseProblem> problems) {
    public ParsedFile {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
    }
}
