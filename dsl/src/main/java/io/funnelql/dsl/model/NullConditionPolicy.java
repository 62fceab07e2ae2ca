package io.funnelql.dsl.model;

/** What a condition that evaluates to NULL means. */
public enum NullConditionPolicy {
    /** The whole row is ignored, as ClickHouse's Null combinator does. */
    SKIP_ROW,
    /** The condition is false and the row is kept, as duckdb-behavioral does. */
    FALSE
}
