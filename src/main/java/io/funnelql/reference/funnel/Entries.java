package io.funnelql.reference.funnel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** ClickHouse's entry list: {time, step, position} per true condition, sorted by (time, step), stable. */
final class Entries {
    private Entries() {}

    static long[][] of(KeyEvents events, boolean strictOrder) {
        List<long[]> entries = new ArrayList<>();
        for (int position = 0; position < events.size(); position++) {
            int mask = events.masks()[position];
            if (mask == 0 && strictOrder) {
                entries.add(new long[] {events.times()[position], 0, position});
            }
            for (int step = Integer.SIZE - Integer.numberOfLeadingZeros(mask); step >= 1; step--) {
                if (KeyEvents.has(mask, step)) {
                    entries.add(new long[] {events.times()[position], step, position});
                }
            }
        }
        entries.sort(Comparator.<long[]>comparingLong(entry -> entry[0]).thenComparingLong(entry -> entry[1]));
        return entries.toArray(long[][]::new);
    }
}
