package io.funnelql.lint.parse;

import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The error text of a statement that cannot be parsed: where, what was found there and what was
 * expected, phrased the same whether the statement header or Babel refused it. Thrown out of the
 * header reading and the query parsing, and caught once per statement, so the file's other
 * statements are still linted.
 */
final class UnparsableStatement extends RuntimeException {
    private static final String PREFIX = "cannot parse this statement: ";

    private final ParseProblem problem;

    private UnparsableStatement(ParseProblem problem) {
        super(problem.message(), null, false, false);
        this.problem = problem;
    }

    ParseProblem problem() {
        return problem;
    }

    /** The header expected something else at token {@code position} (or at the statement's end). */
    static UnparsableStatement expected(SqlFile file, List<Token> tokens, int position, String expectation) {
        boolean inside = position < tokens.size();
        Token at = inside ? tokens.get(position) : tokens.get(tokens.size() - 1);
        int offset = inside ? at.start() : at.end();
        String found = inside ? "'" + at.text() + "'" : "end of statement";
        return new UnparsableStatement(new ParseProblem(file.lineOf(offset), file.columnOf(offset),
                PREFIX + "found " + found + "; " + expectation));
    }

    /** The header ends the statement where its query should start. */
    static UnparsableStatement noQueryAfter(SqlFile file, Token last) {
        return new UnparsableStatement(new ParseProblem(file.lineOf(last.end()), file.columnOf(last.end()),
                "expected a query after '" + last.text() + "'"));
    }

    /** Babel failed without a parse error (an internal error of its own): the first line of what it said. */
    static UnparsableStatement failure(SqlFile file, Token first, RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return new UnparsableStatement(new ParseProblem(file.lineOf(first.start()), file.columnOf(first.start()),
                PREFIX + message));
    }

    /** Babel's parse error, pointed at the token it misses, with the tokens it expected there. */
    static UnparsableStatement babel(SqlFile file, List<Token> tokens, SqlParseException e, PositionMap positions) {
        SqlParserPos pos = e.getPos();
        Token first = tokens.get(0);
        Token last = tokens.get(tokens.size() - 1);
        if (pos == null || pos.getLineNum() <= 0) {
            return new UnparsableStatement(new ParseProblem(file.lineOf(first.start()), file.columnOf(first.start()),
                    PREFIX + "found end of statement" + expected(e)));
        }
        // Babel reports where the longest expected token sequence starts; the tokens it expected
        // are those after that sequence's prefix, so point at the token they miss.
        int offset = positions.start(pos.getLineNum(), pos.getColumnNum());
        int longest = 1;
        if (e.getExpectedTokenSequences() != null) {
            for (int[] sequence : e.getExpectedTokenSequences()) {
                longest = Math.max(longest, sequence.length);
            }
        }
        int index = -1;
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).end() > offset) {
                index = i;
                break;
            }
        }
        int at = index < 0 ? tokens.size() : index + longest - 1;
        if (at < tokens.size()) {
            Token token = tokens.get(at);
            return new UnparsableStatement(new ParseProblem(file.lineOf(token.start()), file.columnOf(token.start()),
                    PREFIX + "found '" + token.text() + "'" + expected(e)));
        }
        return new UnparsableStatement(new ParseProblem(file.lineOf(last.end()), file.columnOf(last.end()),
                PREFIX + "found end of statement" + expected(e)));
    }

    /** "; expected one of …": Babel's expected tokens, sorted, names as "a name", at most twelve. */
    private static String expected(SqlParseException e) {
        Set<String> expected = new TreeSet<>();
        if (e.getExpectedTokenNames() != null) {
            for (String name : e.getExpectedTokenNames()) {
                String token = name.replace("\"", "");
                expected.add(token.endsWith("IDENTIFIER>") ? "a name" : token.startsWith("<") ? token : "'" + token + "'");
            }
        }
        if (expected.isEmpty()) {
            return "";
        }
        List<String> shown = expected.stream().limit(12).toList();
        return "; expected " + (expected.size() == 1 ? "" : "one of ") + String.join(", ", shown)
                + (expected.size() > shown.size() ? ", …" : "");
    }
}
