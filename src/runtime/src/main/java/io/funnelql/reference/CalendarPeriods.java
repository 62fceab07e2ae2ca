package io.funnelql.reference;

import io.funnelql.dsl.model.RetentionPeriod;
import io.funnelql.events.Values;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Calendar periods, one definition for retention and metric queries (the compiler writes the same
 * in SQL: {@code io.funnelql.compiler.plan.CalendarPeriods}). Retention numbers periods so that
 * "offset n" is "period index + n". Event times are read as
 * UTC; calendar periods are cut in the query's time zone (so a day in New York is 23 or 25 hours
 * long across a DST change); weeks are ISO weeks starting on Monday.
 */
public final class CalendarPeriods {
    private CalendarPeriods() {}

    /** The calendar period index of an event time. */
    public static long calendarIndex(RetentionPeriod.Calendar period, long micros) {
        LocalDate date = localDate(period.zone(), micros);
        return switch (period.unit()) {
            case DAY -> date.toEpochDay();
            case WEEK -> Math.floorDiv(date.toEpochDay() + 3, 7); // 1970-01-01 was a Thursday
            case MONTH -> date.getYear() * 12L + date.getMonthValue() - 1;
        };
    }

    /** The first day of the calendar period an event time falls in: the cohort's label. */
    public static LocalDate calendarStart(RetentionPeriod.Calendar period, long micros) {
        LocalDate date = localDate(period.zone(), micros);
        return switch (period.unit()) {
            case DAY -> date;
            case WEEK -> date.minusDays(date.getDayOfWeek().getValue() - 1L);
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    private static LocalDate localDate(ZoneId zone, long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L)).atZone(zone).toLocalDate();
    }

    public static LocalDate utcDate(long micros) {
        return Values.fromEpochMicros(micros).toLocalDate();
    }
}
