package io.funnelql.testkit;

import io.funnelql.compiler.render.SqlText;
import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultShapes;
import io.funnelql.result.ResultTable;
import io.funnelql.verify.ResultDiff;

import java.util.List;
import java.util.Optional;

/**
 * One failed comparison or run, for the combined failure of a check: where ({@code target}),
 * what went wrong, the SQL that ran there (null for the reference executor, which runs none, and
 * when the query did not compile), the rows as CSV when rows differ, and the engine's exception
 * when it threw.
 */
record Problem(String target, String text, String sql, String expectedCsv, String actualCsv, Throwable cause) {
    /** Differing rows shown per target; more are counted, not listed. */
    private static final int DIFF_ROWS = 20;

    /** The reference executor's rows against the expected rows. */
    static Optional<Problem> ofReference(ResultTable expected, ResultTable reference) {
        List<String> diff = ResultDiff.between(expected, reference, DIFF_ROWS);
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem("reference", "on the reference executor (- expected, + reference):\n  "
                + String.join("\n  ", diff), null, csv(expected), csv(reference), null));
    }

    /**
     * What went wrong on one engine, if anything: rows that differ from {@code wanted}, a
     * refusal, a failed run. An engine that returns {@code wrongReference}'s rows (the
     * reference's, when they too differ from the expected rows) is said to, without its diff and
     * SQL: the expectation or the semantics are in question then, not that engine's SQL.
     */
    static Optional<Problem> ofEngine(EngineOutcome outcome, ResultTable wanted, String wantedSide,
                                      ResultTable wrongReference) {
        String target = outcome.engine().toString();
        if (outcome instanceof EngineOutcome.Ran ran) {
            List<String> diff = ResultDiff.between(wanted, ran.result(), DIFF_ROWS);
            if (diff.isEmpty()) {
                return Optional.empty();
            }
            if (wrongReference != null && ResultDiff.between(wrongReference, ran.result(), DIFF_ROWS).isEmpty()) {
                return Optional.of(new Problem(target, "on " + outcome.title() + ": the same rows as the reference"
                        + " executor", null, csv(wanted), csv(ran.result()), null));
            }
            return Optional.of(new Problem(target, "on " + outcome.title() + " (- " + wantedSide + ", + " + target
                    + "):\n  " + String.join("\n  ", diff), SqlText.withHeader(ran.compiled()), csv(wanted),
                    csv(ran.result()), null));
        }
        if (outcome instanceof EngineOutcome.Refused refused) {
            return Optional.of(new Problem(target, "on " + outcome.title() + ": the compiler refuses the query for "
                    + target + ": " + refused.refusal().getMessage(), null, null, null, null));
        }
        EngineOutcome.Failed failed = (EngineOutcome.Failed) outcome;
        return Optional.of(new Problem(target, "on " + outcome.title() + ": the SQL fails: "
                + failed.error().getMessage(), failed.compiled().map(SqlText::withHeader).orElse(null), null, null,
                failed.error()));
    }

    /** Hand-written SQL's rows against the reference's, put in the SQL's shape; or why they cannot be compared. */
    static Optional<Problem> ofWrittenSql(Engine engine, String sql, ResultTable reference, HandWrittenRun run) {
        String title = engine + " — " + run.label();
        if (run.error() != null) {
            return Optional.of(new Problem(engine.toString(), "on " + title + ": your SQL fails: "
                    + run.error().getMessage(), sql, null, null, run.error()));
        }
        Optional<ResultTable> specified = ResultShapes.reshape(reference, run.result().columns());
        if (specified.isEmpty()) {
            return Optional.of(new Problem(engine.toString(), "on " + title + ": your SQL returns columns "
                    + run.result().columns() + ", which the query's result does not have: return some of "
                    + ResultShapes.choices(reference), sql, null, null, null));
        }
        ResultTable written = ResultShapes.comparable(run.result());
        List<String> diff = ResultDiff.between(specified.get(), written, DIFF_ROWS);
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Problem(engine.toString(), "on " + title + " (- reference, + your SQL):\n  "
                + String.join("\n  ", diff), sql, csv(specified.get()), csv(written), null));
    }

    private static String csv(ResultTable table) {
        return ResultFormatter.csv(table);
    }
}
