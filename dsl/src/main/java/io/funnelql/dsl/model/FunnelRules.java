package io.funnelql.dsl.model;

/**
 * A funnel's knobs, flattened into the rules both the reference scans and the SQL plans read
 * (docs/semantics.md): one definition, so the two cannot drift apart. Times are microseconds.
 */
public record FunnelRules(
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

    public static FunnelRules of(FunnelQuery query) {
        return new FunnelRules(
                query.steps().size(),
                Micros.of(query.window().length()),
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

    /**
     * These rules without strict_once, for a funnel no row of which can match two steps: the mode
     * only stops one row from filling several steps, so there it changes nothing (and neither does
     * whether an entry row advances further).
     */
    public FunnelRules withoutStrictOnce() {
        return new FunnelRules(steps, window, anchorAtFirstStep, exclusiveBound, tiesForbidden, strictDeduplication,
                strictOrder, false, allowReentry, timestampDedup, entryRowAdvances);
    }

    /** Whether an event {@code elapsed} after the window's anchor is inside the window. */
    public boolean inside(long elapsed) {
        return exclusiveBound ? elapsed < window : elapsed <= window;
    }

    /** Whether a step at {@code time} may follow a step at {@code previous}. */
    public boolean follows(long previous, long time) {
        return tiesForbidden ? time > previous : time >= previous;
    }

    /** Whether one event may fill step {@code step} right after filling step {@code step - 1}. */
    public boolean sameRowMayFill(int step) {
        return !strictOnce && !tiesForbidden && (step - 1 >= 2 || entryRowAdvances);
    }
}
