package io.funnelql.dsl.model;

public enum RetentionReport {
    /** One row per cohort and offset: cohort size, returned count and percentage. */
    COHORTS,
    /** One row per key. */
    PER_KEY
}
