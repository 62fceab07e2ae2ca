package io.funnelql.dsl.model;

import java.time.Duration;

/**
 * A spec's durations (windows, gaps, lengths, periods) as the microseconds the reference and the
 * SQL compare times with (docs/semantics.md, "Windows at the limits").
 */
public final class Micros {
    /**
     * The longest duration a spec may write: 2<sup>63</sup> − 1 microseconds (106 751 991 days,
     * about 292 271 years), the longest interval every engine holds (DuckDB's INTERVAL keeps its
     * time part in a 64-bit count of microseconds). The analyser refuses longer ones, with their
     * position.
     */
    public static final Duration LONGEST = Duration.ofSeconds(Long.MAX_VALUE / 1_000_000, Long.MAX_VALUE % 1_000_000 * 1000);

    /**
     * 2<sup>62</sup> microseconds (about 146 135 years): longer than the span of any two timestamps
     * the four engines hold in common (4713 BC to 9999 AD, 14 712 years), so a longer window,
     * gap or period means the same as this one, and time + this length never overflows a BIGINT
     * (a time's microseconds since 1970 stay below 2<sup>58</sup> in that range).
     */
    public static final long UNBOUNDED = 1L << 62;

    private Micros() {}

    /** The exact microseconds of a duration up to {@link #LONGEST}, without going through nanoseconds (which overflow past 292 years). */
    public static long exact(Duration duration) {
        return Math.addExact(Math.multiplyExact(duration.getSeconds(), 1_000_000L), duration.getNano() / 1000);
    }

    /** A window, gap or period in microseconds, capped at {@link #UNBOUNDED}: what every comparison with it uses. */
    public static long of(Duration duration) {
        try {
            return Math.min(exact(duration), UNBOUNDED);
        } catch (ArithmeticException e) {
            return UNBOUNDED; // past Long.MAX_VALUE microseconds: the analyser refuses such a length; still unbounded
        }
    }
}
