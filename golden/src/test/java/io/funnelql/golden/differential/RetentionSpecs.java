package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Retention queries: cohort retention over calendar periods (in UTC or a zone with daylight
 * saving time) or rolling periods, returning on or on-or-after, and condition-list retention.
 * Never {@code cohort recurring}. KNOWN: the compiler's fan-out proof refuses it today
 * ("internal error: the plan has a join that may multiply rows"; golden cases
 * retention-recurring-day-per-key, retention-recurring-week-cohorts).
 */
final class RetentionSpecs {
    private static final long DAY = 86_400_000_000L;
    /** Month ends, a leap day, the ends of daylight saving time (EU 27 October, US 3 November) and a year end. */
    private static final List<LocalDate> FIRST_DAYS = List.of(
            LocalDate.of(2024, 1, 30), LocalDate.of(2024, 2, 27), LocalDate.of(2024, 3, 29),
            LocalDate.of(2024, 10, 25), LocalDate.of(2024, 11, 1), LocalDate.of(2024, 12, 30));
    private static final List<String> ZONES = List.of("", "Europe/Berlin", "America/New_York", "Asia/Tokyo");

    private RetentionSpecs() {}

    /** Where a calendar period's dataset falls: midnights of the zone, so events hit period boundaries. */
    private record Period(String clause, TimeGrid grid) {}

    static Arbitrary<GeneratedSpec> any(SourceShape shape) {
        return Arbitraries.oneOf(cohorts(shape), cohorts(shape), conditionLists(shape));
    }

    private static Arbitrary<GeneratedSpec> cohorts(SourceShape shape) {
        Arbitrary<String> offsets = Arbitraries.of("offsets 0 to 3", "offsets 1", "offsets 1, 2", "offsets 0, 1, 4");
        return Combinators.combine(
                        Conditions.countBy(shape),
                        Conditions.where(shape),
                        Combinators.combine(Conditions.step(shape), Conditions.step(shape))
                                .as((cohort, back) -> "cohort first " + cohort + "\n  return " + back),
                        Arbitraries.oneOf(calendarPeriods(), rollingPeriods()),
                        offsets,
                        Arbitraries.of("", "returning on", "returning on or after"),
                        Arbitraries.of("", "null condition skips row", "null condition is false"),
                        Arbitraries.of("", "report cohorts", "report per key"))
                .as((countBy, where, conditions, period, offset, returning, nulls, report) -> {
                    String query = "retention r from events\n  " + Stream.of(countBy, where, conditions, period.clause(),
                                    offset, returning, nulls, report)
                            .filter(c -> !c.isEmpty()).collect(Collectors.joining("\n  ")) + ";";
                    return new GeneratedSpec(shape, query, period.grid());
                });
    }

    /** Day, week or month in UTC or a zone; the grid steps a day at a time from a local midnight. */
    private static Arbitrary<Period> calendarPeriods() {
        return Combinators.combine(Arbitraries.of("day", "week", "month"), Arbitraries.of(ZONES), Arbitraries.of(FIRST_DAYS))
                .as((unit, zone, first) -> {
                    ZoneId zoneId = zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone);
                    LocalDateTime base = first.atStartOfDay(zoneId).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
                    int days = switch (unit) {
                        case "day" -> 5;
                        case "week" -> 20;
                        default -> 45;
                    };
                    String clause = "period " + unit + (zone.isEmpty() ? "" : " time zone '" + zone + "'");
                    return new Period(clause, new TimeGrid(base, DAY, days));
                });
    }

    private static Arbitrary<Period> rollingPeriods() {
        return DurationLiteral.any().map(length -> new Period("period rolling " + length.text(),
                TimeGrid.around(length, LocalDateTime.of(2024, 1, 1, 10, 0))));
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
