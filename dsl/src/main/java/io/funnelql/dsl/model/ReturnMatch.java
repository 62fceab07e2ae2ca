package io.funnelql.dsl.model;

public enum ReturnMatch {
    /** Returned in exactly period N after the cohort period. */
    ON,
    /** Returned in period N or any later period. */
    ON_OR_AFTER
}
