package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.LocalDateTime;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sessions queries: any gap, a max length or none, either report; event-id de-duplication and
 * first/last event names come from the source shape (its event id and event name roles).
 */
final class SessionsSpecs {
    private static final LocalDateTime BASE = LocalDateTime.of(2024, 1, 1, 10, 0);

    private SessionsSpecs() {}

    static Arbitrary<GeneratedSpec> any(SourceShape shape) {
        return Combinators.combine(
                        Conditions.countBy(shape),
                        Conditions.where(shape),
                        // With the 110000-day gap now and then: sessions lasting past 2^52 µs, whose duration once
                        // rounded one microsecond up (golden case sessions-duration-beyond-142-years).
                        DurationLiteral.lengths(),
                        // A few gaps long, so that the grid's sessions (up to 5 gaps) get cut, exactly at the boundary too.
                        Arbitraries.of(0.0, 1.0, 1.5, 2.0, 3.0, 0.5),
                        // Changes only how an incremental table is maintained: here it must change nothing.
                        Arbitraries.of("", "late by 1 hour"),
                        Arbitraries.of("", "report sessions", "report events"))
                .as((countBy, where, gap, maxLength, lateBy, report) -> {
                    String cut = maxLength == 0.0 ? "" : "max length " + gap.times(maxLength).text();
                    String query = "sessions s from events\n  " + Stream.of(countBy, where, "gap " + gap.text(), cut,
                                    lateBy, report)
                            .filter(c -> !c.isEmpty()).collect(Collectors.joining("\n  ")) + ";";
                    return new GeneratedSpec(shape, query, TimeGrid.around(gap, BASE));
                });
    }
}
