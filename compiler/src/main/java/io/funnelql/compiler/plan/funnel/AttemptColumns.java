package io.funnelql.compiler.plan.funnel;

/**
 * The shape every funnel strategy produces: one row per attempt with its key, entry, furthest
 * level and, per step, the order and time of the event that filled it (NULL when not reached).
 * Reports, exclusions and breakdowns read only this shape, whatever strategy built it.
 */
final class AttemptColumns {
    static final String LEVEL = "level";
    static final String ENTRY_TIME = "entry_time";

    private AttemptColumns() {}

    static String order(int step) {
        return "step_" + step + "_order";
    }

    static String micros(int step) {
        return "step_" + step + "_micros";
    }
}
