package io.funnelql.compiler.incremental;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.SessionsQuery;

import java.util.List;

/**
 * What maintains a session table from newly arrived events: statements run once ({@code setup})
 * and statements run, in one transaction, after each batch of events has been inserted
 * ({@code batch}). Each statement lists its bind placeholders in order. The three names are
 * quoted for the target, as the statements write them.
 */
public record IncrementalScript(SessionsQuery query, TargetDialect target, String sessionTable,
        String dirtyKeysTable, String batchEventsView, List<Statement> setup, List<Statement> batch) {

    public IncrementalScript {
        setup = List.copyOf(setup);
        batch = List.copyOf(batch);
    }

    /** One statement without its terminating semicolon, what it does, and its placeholders' parameters in order. */
    public record Statement(String purpose, String sql, List<Parameter> binds) {
        public Statement {
            binds = List.copyOf(binds);
        }
    }
}
