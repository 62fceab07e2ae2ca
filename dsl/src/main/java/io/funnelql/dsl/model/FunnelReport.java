package io.funnelql.dsl.model;

/** What a funnel query returns. */
public enum FunnelReport {
    /** One row per step: keys reaching it, conversion from the previous and the first step. */
    STEPS,
    /** One row per key: its key columns and the furthest step reached. */
    PER_KEY,
    /** Time from the first step to the last step reached: count, average, median, p90. */
    TIME_TO_CONVERT
}
