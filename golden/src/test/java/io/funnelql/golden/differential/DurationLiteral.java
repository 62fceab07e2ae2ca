package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

import java.util.List;

/** A duration as a spec writes it ({@code 10 minutes}) and its length, which sizes the dataset's time grid. */
record DurationLiteral(String text, long micros) {
    private static final long SECOND = 1_000_000L;
    /** Units from the largest, so {@link #times} writes a length in the largest unit that divides it. */
    private static final List<DurationLiteral> UNITS = List.of(new DurationLiteral("days", 86_400 * SECOND),
            new DurationLiteral("hours", 3600 * SECOND), new DurationLiteral("minutes", 60 * SECOND),
            new DurationLiteral("seconds", SECOND), new DurationLiteral("milliseconds", 1000),
            new DurationLiteral("microseconds", 1));

    /**
     * Windows, gaps and rolling periods: from a millisecond-scale one (so that sub-second fractions
     * and the ±1 µs neighbours of a boundary matter) to days; the first is what shrinking aims at.
     */
    static Arbitrary<DurationLiteral> any() {
        return Arbitraries.of(
                new DurationLiteral("1 hour", 3600 * SECOND),
                new DurationLiteral("10 minutes", 600 * SECOND),
                new DurationLiteral("30 minutes", 1800 * SECOND),
                new DurationLiteral("90 seconds", 90 * SECOND),
                new DurationLiteral("1 second", SECOND),
                new DurationLiteral("500 milliseconds", SECOND / 2),
                new DurationLiteral("2 days", 2 * 86_400 * SECOND),
                new DurationLiteral("1 week", 7 * 86_400 * SECOND));
    }

    /**
     * Funnel windows: {@link #lengths()} and a window of 0 (steps at the same time convert, both
     * profiles), about one in 10; 0 and the longest window are rarer than the plain ones.
     */
    static Arbitrary<DurationLiteral> windows() {
        return Arbitraries.frequencyOf(Tuple.of(12, lengths()), Tuple.of(1, Arbitraries.just(new DurationLiteral("0 seconds", 0))),
                Tuple.of(1, Arbitraries.just(new DurationLiteral("106751991 days", 106_751_991L * 86_400 * SECOND))));
    }

    /**
     * Gaps and rolling periods (and, through {@link #windows}, funnel windows): {@link #any()} and,
     * now and then, 110000 days (about 301 years), past 2^63 nanoseconds where a conversion
     * through nanoseconds used to overflow.
     */
    static Arbitrary<DurationLiteral> lengths() {
        return Arbitraries.frequencyOf(Tuple.of(16, any()),
                Tuple.of(1, Arbitraries.just(new DurationLiteral("110000 days", 110_000L * 86_400 * SECOND))));
    }

    /** This length times {@code factor} (a whole number of microseconds, rounded down), written in the largest unit that divides it. */
    DurationLiteral times(double factor) {
        long length = (long) (micros * factor);
        DurationLiteral unit = UNITS.stream().filter(u -> length % u.micros() == 0).findFirst().orElseThrow();
        return new DurationLiteral(length / unit.micros() + " " + unit.text(), length);
    }
}
