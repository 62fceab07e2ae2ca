package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Any generated spec: a random source shape, then a funnel (most often), sessions, retention, metric, sequence or paths query over it. */
final class GeneratedSpecs {
    private GeneratedSpecs() {}

    static Arbitrary<GeneratedSpec> any() {
        return shapes().flatMap(GeneratedSpecs::queries);
    }

    /** A funnel (most often), sessions, retention, metric, sequence or paths query over the shape. */
    static Arbitrary<GeneratedSpec> queries(SourceShape shape) {
        return Arbitraries.frequencyOf(
                Tuple.of(12, FunnelSpecs.any(shape)),
                Tuple.of(3, SessionsSpecs.any(shape)),
                Tuple.of(5, RetentionSpecs.any(shape)),
                Tuple.of(1, MetricSpecs.any(shape)),
                Tuple.of(4, SequenceSpecs.any(shape)),
                Tuple.of(3, PathSpecs.any(shape)));
    }

    /** Every column optional but user_id, occurred_at and event_name; the smallest shape first, for shrinking. */
    static Arbitrary<SourceShape> shapes() {
        return Combinators.combine(
                        Arbitraries.of(false, true),
                        Arbitraries.of(false, true),
                        Arbitraries.of(SourceShape.Property.class),
                        Arbitraries.of(false, true),
                        Arbitraries.of(false, true),
                        // Odd quoted names for the property column in about one shape of 4 (only when it has one).
                        Arbitraries.frequency(Tuple.of(3, false), Tuple.of(1, true)))
                .as((tenant, title, property, eventId, eventNameRole, oddNames) -> new SourceShape(tenant, title, property,
                        eventId, eventNameRole, oddNames && property != SourceShape.Property.NONE));
    }
}
