package io.funnelql.lint.parse;

import java.util.List;

/**
 * A SQL file cut into statements: those that parsed, one problem per statement that did not, and
 * the tokens of each statement that did not ({@code unparsed}, in the order of {@code problems}),
 * for the checks that need no parse tree.
 */
public record ParsedFile(SqlFile file, List<SqlStatement> statements, List<ParseProblem> problems,
        List<List<Token>> unparsed) {
    public ParsedFile {
        statements = List.copyOf(statements);
        problems = List.copyOf(problems);
        unparsed = unparsed.stream().map(List::copyOf).toList();
    }

    public ParsedFile(SqlFile file, List<SqlStatement> statements, List<ParseProblem> problems) {
        this(file, statements, problems, List.of());
    }
}
