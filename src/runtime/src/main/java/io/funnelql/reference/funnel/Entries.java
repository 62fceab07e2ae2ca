package io.funnelql.reference.funnel;

/**
 * Walks ClickHouse's entry list without building it: one entry (time, step, position) per true
 * condition of a row, plus (time, 0, position) for a row matching nothing under strict_order, in
 * (time, step) order and, for equal time and step, in row order — what ClickHouse's stable sort
 * of its entry list yields. The key's rows are already in time order, so no sorting is needed.
 */
final class Entries {
    private Entries() {}

    /** Receives entries in order; returns false to stop the walk. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(long time, int step, int position);
    }

    static void walk(KeyEvents events, int steps, boolean strictOrder, Visitor visitor) {
        long[] times = events.times();
        int[] masks = events.masks();
        int start = 0;
        while (start < times.length) {
            int end = start;
            while (end < times.length && times[end] == times[start]) {
                end++;
            }
            for (int step = strictOrder ? 0 : 1; step <= steps; step++) {
                for (int position = start; position < end; position++) {
                    boolean matches = step == 0 ? masks[position] == 0 : KeyEvents.has(masks[position], step);
                    if (matches && !visitor.visit(times[start], step, position)) {
                        return;
                    }
                }
            }
            start = end;
        }
    }
}
