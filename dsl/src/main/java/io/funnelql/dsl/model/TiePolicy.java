package io.funnelql.dsl.model;

/** Whether a step may share the timestamp of the step before it. */
public enum TiePolicy {
    /** Same-timestamp events chain in step order. */
    ALLOWED,
    /** A step must be strictly later than the step before it. */
    FORBIDDEN
}
