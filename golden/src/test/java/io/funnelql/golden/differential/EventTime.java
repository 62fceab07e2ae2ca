package io.funnelql.golden.differential;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A generated event's time, as choices that shrink toward the grid's first slot: the slot, then
 * where in or around it the event falls.
 */
record EventTime(int slot, Jitter jitter, long insideMicros) {
    enum Jitter {
        /** Exactly on the slot: a whole number of windows (gaps, periods) after the base. */
        ON_SLOT,
        /** The time of the row before, a deliberate same-timestamp tie. */
        SAME_AS_PREVIOUS,
        /** 1 µs past the slot, just outside an inclusive window. */
        MICROSECOND_AFTER,
        /** 1 µs before the slot, just inside an exclusive window. */
        MICROSECOND_BEFORE,
        /** Anywhere inside the slot, to the microsecond. */
        INSIDE,
        /** Half a second into the slot: a sub-second fraction. */
        HALF_SECOND,
        /** No time at all: the row takes no part. */
        NULL
    }

    /**
     * The timestamp, or null. {@code previous} is the row before's (for a tie). With whole seconds,
     * fractions are cut off and the 1 µs neighbours become 1 s neighbours.
     */
    LocalDateTime resolve(TimeGrid grid, LocalDateTime previous, boolean wholeSeconds) {
        // Microseconds, not nanoseconds: slots of a 301-year grid overflow a long of nanoseconds.
        LocalDateTime start = grid.base().plus(slot * grid.unitMicros(), ChronoUnit.MICROS);
        long step = wholeSeconds ? 1_000_000L : 1L;
        LocalDateTime time = switch (jitter) {
            case ON_SLOT -> start;
            case SAME_AS_PREVIOUS -> previous != null ? previous : start;
            case MICROSECOND_AFTER -> start.plusNanos(step * 1000);
            case MICROSECOND_BEFORE -> start.minusNanos(step * 1000);
            case INSIDE -> start.plus(insideMicros, ChronoUnit.MICROS);
            case HALF_SECOND -> start.plusNanos(500_000_000L);
            case NULL -> null;
        };
        return time != null && wholeSeconds ? time.truncatedTo(ChronoUnit.SECONDS) : time;
    }
}
