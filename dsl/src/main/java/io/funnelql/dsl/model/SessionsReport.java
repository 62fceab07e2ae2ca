package io.funnelql.dsl.model;

public enum SessionsReport {
    /** One row per session: number, id, start, end, duration, event count, first and last event. */
    SESSIONS,
    /** One row per event with the number of the session it belongs to. */
    EVENTS
}
