package io.funnelql.reference.funnel;

/**
 * One funnel attempt of a key: the furthest level reached and, for each reached step, the time
 * and position (within the key's ordered rows) of the event that filled it.
 */
record Attempt(int level, long[] times, int[] positions) {
    static final Attempt NONE = new Attempt(0, new long[0], new int[0]);

    Attempt truncated(int newLevel) {
        return new Attempt(newLevel, times, positions);
    }
}
