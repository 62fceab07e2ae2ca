package io.funnelql.dsl.ast;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

/** The units a duration can be written in. Months and years parse but have no fixed length. */
public enum TimeUnit {
    MICROSECOND(ChronoUnit.MICROS),
    MILLISECOND(ChronoUnit.MILLIS),
    SECOND(ChronoUnit.SECONDS),
    MINUTE(ChronoUnit.MINUTES),
    HOUR(ChronoUnit.HOURS),
    DAY(ChronoUnit.DAYS),
    WEEK(ChronoUnit.WEEKS),
    MONTH(null),
    YEAR(null);

    private final ChronoUnit fixedUnit;

    TimeUnit(ChronoUnit fixedUnit) {
        this.fixedUnit = fixedUnit;
    }

    /** The exact length of {@code amount} units, or empty for months and years. */
    public Optional<Duration> toDuration(long amount) {
        if (fixedUnit == null) {
            return Optional.empty();
        }
        return Optional.of(fixedUnit == ChronoUnit.WEEKS
                ? Duration.ofDays(7 * amount)
                : Duration.of(amount, fixedUnit));
    }

    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a unit keyword, singular or plural. */
    public static TimeUnit fromKeyword(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String singular = lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
        return valueOf(singular.toUpperCase(Locale.ROOT));
    }
}
