package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A calendar period (day, week or month) in UTC or a zone with daylight saving time, for retention
 * periods and metrics, and the grid its datasets use: a day at a time from a local midnight of the
 * zone, so events hit period boundaries.
 */
record CalendarPeriod(String unit, String zone, TimeGrid grid) {
    private static final long DAY = 86_400_000_000L;
    /** Month ends, a leap day, the ends of daylight saving time (EU 27 October, US 3 November) and a year end. */
    private static final List<LocalDate> FIRST_DAYS = List.of(
            LocalDate.of(2024, 1, 30), LocalDate.of(2024, 2, 27), LocalDate.of(2024, 3, 29),
            LocalDate.of(2024, 10, 25), LocalDate.of(2024, 11, 1), LocalDate.of(2024, 12, 30));
    private static final List<String> ZONES = List.of("", "Europe/Berlin", "America/New_York", "Asia/Tokyo");

    static Arbitrary<CalendarPeriod> any() {
        return Combinators.combine(Arbitraries.of("day", "week", "month"), Arbitraries.of(ZONES), Arbitraries.of(FIRST_DAYS))
                .as((unit, zone, first) -> {
                    ZoneId zoneId = zone.isEmpty() ? ZoneOffset.UTC : ZoneId.of(zone);
                    LocalDateTime base = first.atStartOfDay(zoneId).withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
                    int days = switch (unit) {
                        case "day" -> 5;
                        case "week" -> 20;
                        default -> 45;
                    };
                    return new CalendarPeriod(unit, zone, new TimeGrid(base, DAY, days));
                });
    }

    /** {@code time zone 'ZONE'}, or nothing for UTC (the default). */
    String zoneClause() {
        return zone.isEmpty() ? "" : "time zone '" + zone + "'";
    }
}
