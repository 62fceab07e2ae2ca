package io.funnelql.compiler.plan.funnel;

import io.funnelql.dsl.model.FunnelMode;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.TiePolicy;
import io.funnelql.dsl.model.WindowAnchor;
import io.funnelql.dsl.model.WindowBound;

/**
 * The funnel knobs the SQL plans read, with the same meaning as the reference executor's scan
 * rules (docs/semantics.md). Times are microseconds.
 */
record FunnelRules(
        int steps,
        long window,
        boolean anchorAtFirstStep,
        boolean exclusiveBound,
        boolean tiesForbidden,
        boolean strictDeduplication,
        boolean strictOrder,
        boolean strictOnce,
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
                query.hasMode(FunnelMode.TIMESTAMP_DEDUP),
                query.profile() == Profile.CLICKHOUSE && !query.hasMode(FunnelMode.STRICT_ONCE));
    }

    /** Whether one event may fill step {@code step} right after filling step {@code step - 1}. */
    boolean sameRowMayFill(int step) {
        return !strictOnce && !tiesForbidden && (step - 1 >= 2 || entryRowAdvances);
    }
}
