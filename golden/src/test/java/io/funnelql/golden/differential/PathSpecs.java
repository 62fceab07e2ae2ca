package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.LocalDateTime;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Paths queries in both directions: any step condition as the anchor; a session gap and a
 * window of none, one or a few grid units (so events fall on their boundaries, 1 µs either
 * side); depth 1 to 4; clean rules by event name and by the property (NULL now and then); collapse
 * repeats or not; a small top, so that ties in counts decide what is kept.
 */
final class PathSpecs {
    private static final LocalDateTime BASE = LocalDateTime.of(2024, 1, 1, 10, 0);

    private PathSpecs() {}

    /** What bounds a path, drawn together: a direction, a gap factor and a window factor of the grid unit (0: none). */
    private record Bounds(String direction, double gap, double window, int depth) {}

    static Arbitrary<GeneratedSpec> any(SourceShape shape) {
        Arbitrary<Bounds> bounds = Combinators.combine(Arbitraries.of("start at", "end at"),
                        Arbitraries.of(0.0, 1.0, 2.0, 0.5), Arbitraries.of(0.0, 1.0, 3.0), Arbitraries.integers().between(1, 4))
                .as(Bounds::new);
        Arbitrary<String> clean = Conditions.property(shape).flatMap(property -> Arbitraries.of("",
                "clean ('ab': event_name in ('a', 'b'))",
                "clean ('p': " + property + ", 'c': event_name = 'c')"));
        return Combinators.combine(
                        Conditions.countBy(shape),
                        Conditions.where(shape),
                        Conditions.step(shape),
                        bounds,
                        DurationLiteral.any(),
                        clean,
                        Arbitraries.of("", "collapse repeats"),
                        Arbitraries.of("top 1", "top 2", "top 3", ""))
                .as((countBy, where, anchor, bound, unit, cleaning, collapse, top) -> {
                    String gap = bound.gap() == 0.0 ? "" : "within session gap " + unit.times(bound.gap()).text();
                    String window = bound.window() == 0.0 ? "" : "within " + unit.times(bound.window()).text();
                    String query = "paths p from events\n  " + Stream.of(countBy, where, bound.direction() + " " + anchor,
                                    gap, window, "depth " + bound.depth(), shape.eventNameRole() ? "" : "node event_name",
                                    cleaning, collapse, top)
                            .filter(c -> !c.isEmpty()).collect(Collectors.joining("\n  ")) + ";";
                    return new GeneratedSpec(shape, query, TimeGrid.around(unit, BASE));
                });
    }
}
