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
        return new TimeGrid(base, unit.micros(), 4);
    }
}
