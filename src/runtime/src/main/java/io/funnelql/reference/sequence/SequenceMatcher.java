package io.funnelql.reference.sequence;

/** One profile's matcher: sequenceMatch and sequenceCount over a key's stored events. */
interface SequenceMatcher {
    boolean matches(StoredEvents events);

    long count(StoredEvents events);
}
