package io.funnelql.reference.funnel;

/** A key's events in order, reduced to what the scans read: time and step bitmask (bit k-1 = step k). */
record KeyEvents(long[] times, int[] masks) {
    int size() {
        return times.length;
    }

    static boolean has(int mask, int step) {
        return (mask & (1 << (step - 1))) != 0;
    }
}
