package io.funnelql.dsl.model;

public enum CohortKind {
    /** A key belongs to the cohort of the period of its first qualifying event. */
    FIRST,
    /** A key belongs to a cohort for every period in which it has a qualifying event. */
    RECURRING
}
