package io.funnelql.testkit;

import io.funnelql.engine.EngineException;
import io.funnelql.result.ResultTable;

/** Hand-written SQL run on one engine over the subject's events: its rows, or why it did not run. */
record HandWrittenRun(String label, ResultTable result, EngineException error) {
    static HandWrittenRun run(io.funnelql.engine.Engine open, Subject subject, String sql) {
        try {
            open.load(subject.events());
            return new HandWrittenRun(open.label(), open.query(sql), null);
        } catch (EngineException e) {
            return new HandWrittenRun(open.label(), null, e);
        }
    }
}
