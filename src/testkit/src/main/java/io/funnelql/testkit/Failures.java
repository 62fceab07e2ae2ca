package io.funnelql.testkit;

import io.funnelql.input.UserInputException;
import org.opentest4j.AssertionFailedError;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/** How the kit fails a test: always an {@link AssertionFailedError} whose message says everything needed. */
final class Failures {
    private Failures() {}

    /**
     * Runs a step that reads what the user wrote (spec, query name, parameters). Its complaint,
     * already phrased for the user ({@code file:line:col} diagnostics for a spec), becomes the
     * failure's whole message; the exception is not chained, so the report shows no internals.
     */
    static <T> T userInput(Supplier<T> step) {
        try {
            return step.get();
        } catch (UserInputException e) {
            throw new AssertionFailedError(e.getMessage());
        }
    }

    /**
     * Fails with every problem, not just the first: a check runs every engine, and seeing which
     * ones fail tells a wrong expectation (all fail alike) from an engine's disagreement. The
     * differing rows come first and the SQL after them, so the rows stay readable; the first
     * problem with rows supplies expected and actual as CSV, so IDEs show a diff.
     */
    static void failIfAny(Subject subject, String what, List<Problem> problems) {
        if (problems.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder("funnelql: ").append(subject.describe()).append(": ").append(what)
                .append(" on ").append(String.join(", ", problems.stream().map(Problem::target).toList()));
        for (Problem problem : problems) {
            message.append("\n\n").append(problem.text());
        }
        for (Problem problem : problems) {
            if (problem.sql() != null) {
                message.append("\n\n-- the SQL that ran on ").append(problem.target()).append(":\n")
                        .append(problem.sql().strip());
            }
        }
        Problem withRows = problems.stream().filter(p -> p.expectedCsv() != null).findFirst().orElse(null);
        List<Throwable> causes = problems.stream().map(Problem::cause).filter(Objects::nonNull).toList();
        Throwable cause = causes.isEmpty() ? null : causes.get(0);
        AssertionFailedError failure = withRows == null
                ? new AssertionFailedError(message.toString(), cause)
                : new AssertionFailedError(message.toString(), withRows.expectedCsv(), withRows.actualCsv(), cause);
        causes.stream().skip(1).forEach(failure::addSuppressed);
        throw failure;
    }
}
