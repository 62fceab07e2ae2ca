package io.funnelql.golden.differential;

import java.time.LocalDateTime;

/**
 * Where a dataset's timestamps fall: {@code base + slot × unit + jitter}, slot 0 to
 * {@code maxSlot}. The unit is the spec's own window, gap or period, so events land exactly on
 * its boundaries, 1 µs either side, or in between.
 */
record TimeGrid(LocalDateTime base, long unitMicros, int maxSlot) {
    /** Funnels and sessions: a few windows' worth of time from a plain morning. */
    static TimeGrid around(DurationLiteral unit, LocalDateTime base) {
        return new TimeGrid(base, gridMicros(unit.micros()), 4);
    }

    /**
     * The grid's unit for a length: the length itself, but a second for a window of 0 (events then
     * fall on the same time, 1 µs or 1 s apart) and a day for a length past 1000 years, whose
     * multiples would leave the years every engine holds (it covers every pair of times anyway).
     */
    private static long gridMicros(long length) {
        if (length == 0) {
            return 1_000_000L;
        }
        return length > 1000L * 366 * 86_400_000_000L ? 86_400_000_000L : length;
    }
}
