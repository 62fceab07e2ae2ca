package io.funnelql.verify;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.TableName;
import io.funnelql.engine.Engine;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a query on a real engine: compile for its dialect, load the events, execute with binds, read typed rows. */
public final class EngineRun {
    private EngineRun() {}

    /** The SQL that ran and what it returned, in the reference's value types. */
    public record Outcome(CompiledQuery compiled, ResultTable result) {}

    public static Outcome run(Engine engine, Query query, EventTable events, Map<Name, Object> parameters) {
        return run(engine, SqlCompiler.compile(query, engine.dialect(), Map.of()), events, parameters);
    }

    /**
     * Runs the query on the live table {@code table} of the database the engine is connected to
     * ({@link io.funnelql.engine.LiveEngine}): nothing is loaded; the SQL reads the table in place.
     */
    public static Outcome inPlace(Engine engine, Query query, TableName table, Map<Name, Object> parameters) {
        CompiledQuery compiled = SqlCompiler.compile(LiveTables.relocated(query, table), engine.dialect(), Map.of());
        return new Outcome(compiled, ResultCoercion.coerce(engine.query(compiled.sql(), binds(compiled, parameters)),
                compiled.columns()));
    }

    /** Runs SQL compiled for the engine's dialect: a caller running one query over many event tables compiles it once. */
    public static Outcome run(Engine engine, CompiledQuery compiled, EventTable events, Map<Name, Object> parameters) {
        engine.load(events);
        ResultTable raw = engine.query(compiled.sql(), binds(compiled, parameters));
        return new Outcome(compiled, ResultCoercion.coerce(raw, compiled.columns()));
    }

    private static List<Object> binds(CompiledQuery compiled, Map<Name, Object> parameters) {
        List<Object> binds = new ArrayList<>();
        for (Parameter parameter : compiled.bindParameters()) {
            binds.add(parameters.get(parameter.name()));
        }
        return binds;
    }
}
