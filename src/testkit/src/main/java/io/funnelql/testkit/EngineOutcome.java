package io.funnelql.testkit;

import io.funnelql.compiler.CompilationException;
import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.dsl.model.Name;
import io.funnelql.result.ResultTable;
import io.funnelql.verify.EngineRun;

import java.util.Map;
import java.util.Optional;

/**
 * What running the subject's query on one engine gave: rows, the compiler's refusal for that
 * engine's dialect, or a failure of the SQL. Only rows can pass a check; the other two are
 * reported, never thrown past the other engines.
 */
sealed interface EngineOutcome {
    Engine engine();

    /** What the engine really is, e.g. "H2 in Oracle mode (not a real Oracle)". */
    String label();

    /** "oracle-h2 — H2 in Oracle mode (not a real Oracle)": the engine as every failure names it. */
    default String title() {
        return engine() + " — " + label();
    }

    record Ran(Engine engine, String label, CompiledQuery compiled, ResultTable result) implements EngineOutcome {}

    record Refused(Engine engine, String label, CompilationException refusal) implements EngineOutcome {}

    /** The SQL (when the query compiled at all) and why it failed. */
    record Failed(Engine engine, String label, Optional<CompiledQuery> compiled, RuntimeException error)
            implements EngineOutcome {}

    static EngineOutcome run(Engine engine, Subject subject, Map<Name, Object> parameters) {
        return SharedEngines.run(engine, open -> {
            try {
                EngineRun.Outcome outcome = EngineRun.run(open, subject.query(), subject.events(), parameters);
                return new Ran(engine, open.label(), outcome.compiled(), outcome.result());
            } catch (CompilationException refusal) {
                return new Refused(engine, open.label(), refusal);
            } catch (RuntimeException error) {
                return new Failed(engine, open.label(), compiled(open, subject), error);
            }
        });
    }

    /** The SQL a failed run executed: EngineRun does not hand it out when the run throws, so compile it again. */
    private static Optional<CompiledQuery> compiled(io.funnelql.engine.Engine open, Subject subject) {
        try {
            return Optional.of(SqlCompiler.compile(subject.query(), open.dialect(), Map.of()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
