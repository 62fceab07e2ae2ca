package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Datasets of 0 to 40 events: few users with skewed activity (u1 has most events), tenants
 * that share user ids, deliberate ties, times on the grid's boundaries and 1 µs either side,
 * sub-second fractions, and NULLs now and then in every column (most often in the property).
 */
final class Datasets {
    static final int MAX_EVENTS = 40;

    private Datasets() {}

    static Arbitrary<Dataset> any(GeneratedSpec spec) {
        SourceShape shape = spec.shape();
        Arbitrary<GeneratedEvent> events = Combinators.combine(
                        shape.tenant() ? weighted("acme", 6, "globex", 3, "initech", 1).injectNull(0.03) : nothing(String.class),
                        weighted("u1", 6, "u2", 3, "u3", 1).injectNull(0.03),
                        shape.title() ? Arbitraries.of(1L, 2L).injectNull(0.03) : nothing(Long.class),
                        times(spec.grid()),
                        Arbitraries.frequency(Tuple.of(6, "a"), Tuple.of(5, "b"), Tuple.of(4, "c"), Tuple.of(2, "d"),
                                Tuple.of(2, "x")).injectNull(0.04),
                        properties(shape),
                        shape.eventId() ? Arbitraries.of("e1", "e2", "e3", "e4").injectNull(0.1) : nothing(String.class))
                .as(GeneratedEvent::new);
        // Uniform sizes: jqwik's default bias toward short lists would leave the 40-row end untested.
        Arbitrary<java.util.List<GeneratedEvent>> lists = events.list().ofMaxSize(MAX_EVENTS)
                .withSizeDistribution(RandomDistribution.uniform());
        // Whole-second datasets first, so shrinking tries them first: their times read more easily.
        return Combinators.combine(lists, Arbitraries.frequency(Tuple.of(2, true), Tuple.of(3, false)))
                .as(Dataset::new);
    }

    private static Arbitrary<EventTime> times(TimeGrid grid) {
        return Combinators.combine(
                        Arbitraries.integers().between(0, grid.maxSlot()),
                        Arbitraries.frequency(
                                Tuple.of(12, EventTime.Jitter.ON_SLOT),
                                Tuple.of(9, EventTime.Jitter.SAME_AS_PREVIOUS),
                                Tuple.of(6, EventTime.Jitter.MICROSECOND_AFTER),
                                Tuple.of(6, EventTime.Jitter.MICROSECOND_BEFORE),
                                Tuple.of(12, EventTime.Jitter.INSIDE),
                                Tuple.of(3, EventTime.Jitter.HALF_SECOND),
                                Tuple.of(1, EventTime.Jitter.NULL)),
                        Arbitraries.longs().between(0, grid.unitMicros() - 1))
                .as(EventTime::new);
    }

    private static Arbitrary<Object> properties(SourceShape shape) {
        return switch (shape.property()) {
            case TEXT -> Arbitraries.<Object>of("ios", "web", "android").injectNull(0.3);
            case NUMBER -> Arbitraries.<Object>of(0.0, 2.5, 5.0, 10.0, -1.5).injectNull(0.3);
            case NONE -> nothing(Object.class);
        };
    }

    /** Three values, the first most likely; shrinking goes toward the first. */
    private static Arbitrary<String> weighted(String first, int firstWeight, String second, int secondWeight, String third,
                                              int thirdWeight) {
        return Arbitraries.frequency(Tuple.of(firstWeight, first), Tuple.of(secondWeight, second), Tuple.of(thirdWeight, third));
    }

    /** A column the shape lacks: always null, so it neither varies nor shrinks. */
    private static <T> Arbitrary<T> nothing(Class<T> type) {
        return Arbitraries.just((T) null);
    }
}
