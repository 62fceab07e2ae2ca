package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.util.List;

/**
 * Datasets of 0 to 40 events: few users with skewed activity (u1 in acme has most events, so its
 * chains get long), tenants
 * that share user ids, deliberate ties, times on the grid's boundaries and 1 µs either side,
 * sub-second fractions, Unicode event names now and then, and NULLs now and then in every column
 * (most often in the property).
 */
final class Datasets {
    static final int MAX_EVENTS = 40;

    private Datasets() {}

    static Arbitrary<Dataset> any(GeneratedSpec spec) {
        SourceShape shape = spec.shape();
        Arbitrary<GeneratedEvent> events = Combinators.combine(
                        shape.tenant() ? weighted("acme", 10, "globex", 3, "initech", 1).injectNull(0.02) : nothing(),
                        weighted("u1", 12, "u2", 3, "u3", 1).injectNull(0.02),
                        shape.title() ? Arbitraries.frequency(Tuple.of(5, 1L), Tuple.of(1, 2L)).injectNull(0.02) : nothing(),
                        times(spec.grid()),
                        eventNames().injectNull(0.03),
                        properties(shape),
                        shape.eventId() ? Arbitraries.of("e1", "e2", "e3", "e4").injectNull(0.1) : nothing())
                .as(GeneratedEvent::new);
        // Uniform sizes and no edge cases: jqwik's bias toward short lists and its injected edge cases
        // (empty, one row) would leave most datasets too small for a chain of steps. Empty datasets still come.
        Arbitrary<List<GeneratedEvent>> lists = events.list().ofMaxSize(MAX_EVENTS)
                .withSizeDistribution(RandomDistribution.uniform()).withoutEdgeCases();
        // Whole-second datasets first, so shrinking tries them first: their times read more easily.
        return Combinators.combine(lists, Arbitraries.frequency(Tuple.of(2, true), Tuple.of(3, false)))
                .as(Dataset::new);
    }

    /**
     * Conditions' event names, "a" most often; its rarer, hostile names (Unicode, a quote) in about
     * one event of 20, the edges of text (the empty string, line breaks, control characters, a long
     * text) in about one of 40.
     */
    private static Arbitrary<String> eventNames() {
        Arbitrary<String> hostile = Arbitraries.of(Conditions.HOSTILE_EVENT_NAMES);
        return Arbitraries.frequencyOf(Tuple.of(24, Arbitraries.just("a")), Tuple.of(20, Arbitraries.just("b")),
                Tuple.of(16, Arbitraries.just("c")), Tuple.of(8, Arbitraries.just("d")), Tuple.of(8, Arbitraries.just("x")),
                Tuple.of(4, hostile), Tuple.of(2, Arbitraries.of(Conditions.EDGE_TEXTS)));
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
            // The empty string beside NULL: Oracle holds both as NULL (docs/dialects.md).
            case TEXT -> Arbitraries.<Object>frequency(Tuple.of(4, "ios"), Tuple.of(4, "web"), Tuple.of(4, "android"),
                    Tuple.of(1, "")).injectNull(0.3);
            case NUMBER -> Arbitraries.<Object>of(0.0, 2.5, 5.0, 10.0, -1.5).injectNull(0.3);
            case NONE -> nothing();
        };
    }

    /** Three values, the first most likely; shrinking goes toward the first. */
    private static Arbitrary<String> weighted(String first, int firstWeight, String second, int secondWeight, String third,
                                              int thirdWeight) {
        return Arbitraries.frequency(Tuple.of(firstWeight, first), Tuple.of(secondWeight, second), Tuple.of(thirdWeight, third));
    }

    /** A column the shape lacks: always null, so it neither varies nor shrinks. */
    private static <T> Arbitrary<T> nothing() {
        return Arbitraries.just(null);
    }
}
