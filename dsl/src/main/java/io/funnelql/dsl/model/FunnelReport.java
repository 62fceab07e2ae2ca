package io.funnelql.dsl.model;

import java.util.List;

/** What a funnel query returns. */
public enum FunnelReport {
    /** One row per step: keys reaching it, conversion from the previous and the first step. */
    STEPS("step", "name", "count", "conversion_from_previous", "conversion_from_first"),
    /** One row per key: its key columns and the furthest step reached. */
    PER_KEY("furthest_step", "furthest_step_name"),
    /** Time from the first step to the last step reached: count, average, median, p90. */
    TIME_TO_CONVERT("count", "average_seconds", "median_seconds", "p90_seconds");

    private final List<String> columns;

    FunnelReport(String... columns) {
        this.columns = List.of(columns);
    }

    /** The report's own result columns, after any key and breakdown columns. */
    public List<String> columns() {
        return columns;
    }
}
