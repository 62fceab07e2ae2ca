package io.funnelql.reference.sequence;

/** One profile's matcher: sequenceMatch and sequenceCount over a key's stored events. */
interface SequenceMatcher {
    boolean matches(StoredEvents events);

    long count(StoredEvents events);

    /**
     * The first match's events (sequence_match_events): for each {@code (?N)} of the pattern in
     * order, the position of the stored event it consumed; null when there is no match.
     */
    int[] firstMatchEvents(StoredEvents events);
}
