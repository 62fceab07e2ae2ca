package io.funnelql.dsl.model;

/** What a funnel window is measured from. */
public enum WindowAnchor {
    FIRST_STEP,
    PREVIOUS_STEP
}
