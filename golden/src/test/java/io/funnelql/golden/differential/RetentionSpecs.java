package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Retention queries: cohort retention over calendar periods (in UTC or a zone with daylight
 * saving time) or rolling periods, first or recurring cohorts, returning on or on-or-after, and
 * condition-list retention.
 */
final class RetentionSpecs {
    private RetentionSpecs() {}

    /** A period clause and the grid its datasets use; a recurring cohort needs a calendar one. */
    private record Period(String clause, TimeGrid grid, boolean calendar) {}

    static Arbitrary<GeneratedSpec> any(SourceShape shape) {
        return Arbitraries.oneOf(cohorts(shape), cohorts(shape), conditionLists(shape));
    }

    private static Arbitrary<GeneratedSpec> cohorts(SourceShape shape) {
        Arbitrary<String> offsets = Arbitraries.of("offsets 0 to 3", "offsets 1", "offsets 1, 2", "offsets 0, 1, 4");
        return Combinators.combine(
                        Conditions.countBy(shape),
                        Conditions.where(shape),
                        Combinators.combine(Conditions.step(shape), Conditions.step(shape), Arbitraries.of(false, true),
                                        Arbitraries.oneOf(calendarPeriods(), rollingPeriods()))
                                .as((cohort, back, recurring, period) -> new Period("cohort "
                                        + (recurring && period.calendar() ? "recurring " : "first ") + cohort
                                        + "\n  return " + back + "\n  " + period.clause(), period.grid(), period.calendar())),
                        offsets,
                        Arbitraries.of("", "returning on", "returning on or after"),
                        Arbitraries.of("", "null condition skips row", "null condition is false"),
                        Arbitraries.of("", "report cohorts", "report per key"))
                .as((countBy, where, cohort, offset, returning, nulls, report) -> {
                    String query = "retention r from events\n  " + Stream.of(countBy, where, cohort.clause(),
                                    offset, returning, nulls, report)
                            .filter(c -> !c.isEmpty()).collect(Collectors.joining("\n  ")) + ";";
                    return new GeneratedSpec(shape, query, cohort.grid());
                });
    }

    private static Arbitrary<Period> calendarPeriods() {
        return CalendarPeriod.any().map(period -> new Period(
                String.join(" ", "period", period.unit(), period.zoneClause()).strip(), period.grid(), true));
    }

    private static Arbitrary<Period> rollingPeriods() {
        return DurationLiteral.lengths().map(length -> new Period("period rolling " + length.text(),
                TimeGrid.around(length, LocalDateTime.of(2024, 1, 1, 10, 0)), false));
    }

    /** ClickHouse's retention(c1, ..., cN): 2 to 4 conditions. */
    private static Arbitrary<GeneratedSpec> conditionLists(SourceShape shape) {
        return Combinators.combine(
                        Conditions.countBy(shape),
                        Conditions.where(shape),
                        Conditions.step(shape).list().ofMinSize(2).ofMaxSize(4),
                        Arbitraries.of("", "null condition skips row", "null condition is false"),
                        Arbitraries.of("", "report cohorts", "report per key"),
                        DurationLiteral.any())
                .as((countBy, where, conditions, nulls, report, unit) -> {
                    List<String> named = new ArrayList<>();
                    for (int i = 0; i < conditions.size(); i++) {
                        named.add("c" + (i + 1) + ": " + conditions.get(i));
                    }
                    String query = "retention r from events\n  " + Stream.of(countBy, where,
                                    "conditions (" + String.join(", ", named) + ")", nulls, report)
                            .filter(c -> !c.isEmpty()).collect(Collectors.joining("\n  ")) + ";";
                    return new GeneratedSpec(shape, query, TimeGrid.around(unit, LocalDateTime.of(2024, 1, 1, 10, 0)));
                });
    }
}
