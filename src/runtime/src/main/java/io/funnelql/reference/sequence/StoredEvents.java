package io.funnelql.reference.sequence;

/**
 * A key's stored events in event order: only rows on which at least one condition holds, as both
 * engines store them, each with its time (microseconds) and condition bitmask (bit i-1 = condition i).
 */
record StoredEvents(long[] times, long[] masks) {
    int size() {
        return times.length;
    }

    boolean holds(int position, int condition) {
        return (masks[position] & (1L << (condition - 1))) != 0;
    }

    /** The conditions that hold on some stored event. */
    long seen() {
        long seen = 0;
        for (long mask : masks) {
            seen |= mask;
        }
        return seen;
    }
}
