package io.funnelql.dsl.model;

/** Calendar periods, in the query's time zone; weeks are ISO weeks starting on Monday. */
public enum PeriodUnit {
    DAY,
    WEEK,
    MONTH
}
