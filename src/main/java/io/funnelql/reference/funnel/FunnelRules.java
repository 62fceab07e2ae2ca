package io.funnelql.reference.funnel;

import io.funnelql.dsl.model.FunnelMode;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.TiePolicy;
import io.funnelql.dsl.model.WindowAnchor;
import io.funnelql.dsl.model.WindowBound;

/** A funnel's knobs, flattened for the scans' inner loops. Times are microseconds. */
record FunnelRules(
        int steps,
        long window,
        boolean anchorAtFirstStep,
        boolean exclusiveBound,
        boolean tiesForbidden,
        boolean strictDeduplication,
        boolean strictOrder,
        boolean strictOnce,
        boolean allowReentry,
        boolean timestampDedup,
        boolean entryRowAdvances) {

    static FunnelRules of(FunnelQuery query) {
        return new FunnelRules(
                query.steps().size(),
                query.window().length().toNanos() / 1000,
                query.window().anchor() == WindowAnchor.FIRST_STEP,
                query.window().bound() == WindowBound.EXCLUSIVE,
                query.ties() == TiePolicy.FORBIDDEN || query.hasMode(FunnelMode.STRICT_INCREASE),
                query.hasMode(FunnelMode.STRICT_DEDUPLICATION),
                query.hasMode(FunnelMode.STRICT_ORDER),
                query.hasMode(FunnelMode.STRICT_ONCE),
                query.hasMode(FunnelMode.ALLOW_REENTRY),
                query.hasMode(FunnelMode.TIMESTAMP_DEDUP),
                // ClickHouse lets one row fill several steps; duckdb-behavioral never counts the entry row again.
                query.profile() == Profile.CLICKHOUSE && !query.hasMode(FunnelMode.STRICT_ONCE));
    }

    /** Whether an event {@code elapsed} after the window's anchor is inside the window. */
    boolean inside(long elapsed) {
        return exclusiveBound ? elapsed < window : elapsed <= window;
    }

    /** Whether a step at {@code time} may follow a step at {@code previous}. */
    boolean follows(long previous, long time) {
        return tiesForbidden ? time > previous : time >= previous;
    }
}
