package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.LocalDateTime;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sessions queries: any gap, either report; event-id de-duplication and first/last event names
 * come from the source shape (its event id and event name roles).
 * Never {@code max length}: the compiler refuses it ("sessions with a max length are not
 * compiled to SQL yet"; golden case sessions-max-length).
 */
final class SessionsSpecs {
    private static final LocalDateTime BASE = LocalDateTime.of(2024, 1, 1, 10, 0);

    private SessionsSpecs() {}

    static Arbitrary<GeneratedSpec> any(SourceShape shape) {
        return Combinators.combine(
                        Conditions.countBy(shape),
                        Conditions.where(shape),
                        DurationLiteral.any(),
                        Arbitraries.of("", "report sessions", "report events"))
                .as((countBy, where, gap, report) -> {
                    String query = "sessions s from events\n  " + Stream.of(countBy, where, "gap " + gap.text(), report)
                            .filter(c -> !c.isEmpty()).collect(Collectors.joining("\n  ")) + ";";
                    return new GeneratedSpec(shape, query, TimeGrid.around(gap, BASE));
                });
    }
}
