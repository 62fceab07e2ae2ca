package io.funnelql.dsl.model;

/** Which entry-step events start a funnel attempt. */
public enum EntryPolicy {
    /** Only the key's first entry event; each later step is the earliest qualifying event after the previous one. */
    FIRST,
    /** The profile's greedy scan: a newer entry restarts the chain; the key's result is the furthest level reached. */
    LATEST,
    /** Every entry event is an attempt of its own and is counted. */
    EVERY
}
