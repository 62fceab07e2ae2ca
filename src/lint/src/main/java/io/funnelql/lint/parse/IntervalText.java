package io.funnelql.lint.parse;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;

/**
 * PostgreSQL's interval strings ({@code '30 min'}, {@code '1 day 2 hours'}, {@code '2 weeks'},
 * {@code '-1 day'}, {@code '01:30:00'}, {@code '1 day 02:00'}, ISO 8601 {@code 'P1D'},
 * {@code 'PT30M'}, {@code 'P1Y2M3DT4H'}) and DuckDB's {@code INTERVAL 30 MINUTES}, read as a number
 * of months and a number of seconds and written as the SQL standard interval the parser reads:
 * {@code INTERVAL '30' MINUTE}, {@code INTERVAL '26' HOUR}, {@code INTERVAL '14' DAY}, and for a
 * mix of months and days {@code (INTERVAL '1' MONTH + INTERVAL '1' DAY)}.
 */
final class IntervalText {
    private static final BigDecimal MINUTE = BigDecimal.valueOf(60);
    private static final BigDecimal HOUR = BigDecimal.valueOf(3600);
    private static final BigDecimal DAY = BigDecimal.valueOf(86400);

    /** Unit words (singular, plural and abbreviations, lower case) as seconds, or as months when negative. */
    private static final Map<String, BigDecimal> SECONDS = Map.ofEntries(
            Map.entry("microsecond", new BigDecimal("0.000001")), Map.entry("microseconds", new BigDecimal("0.000001")),
            Map.entry("us", new BigDecimal("0.000001")), Map.entry("usec", new BigDecimal("0.000001")),
            Map.entry("usecs", new BigDecimal("0.000001")),
            Map.entry("millisecond", new BigDecimal("0.001")), Map.entry("milliseconds", new BigDecimal("0.001")),
            Map.entry("ms", new BigDecimal("0.001")), Map.entry("msec", new BigDecimal("0.001")),
            Map.entry("msecs", new BigDecimal("0.001")),
            Map.entry("second", BigDecimal.ONE), Map.entry("seconds", BigDecimal.ONE), Map.entry("sec", BigDecimal.ONE),
            Map.entry("secs", BigDecimal.ONE), Map.entry("s", BigDecimal.ONE),
            Map.entry("minute", MINUTE), Map.entry("minutes", MINUTE), Map.entry("min", MINUTE),
            Map.entry("mins", MINUTE), Map.entry("m", MINUTE),
            Map.entry("hour", HOUR), Map.entry("hours", HOUR), Map.entry("hr", HOUR), Map.entry("hrs", HOUR),
            Map.entry("h", HOUR),
            Map.entry("day", DAY), Map.entry("days", DAY), Map.entry("d", DAY),
            Map.entry("week", DAY.multiply(BigDecimal.valueOf(7))), Map.entry("weeks", DAY.multiply(BigDecimal.valueOf(7))),
            Map.entry("w", DAY.multiply(BigDecimal.valueOf(7))));
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("month", 1), Map.entry("months", 1), Map.entry("mon", 1), Map.entry("mons", 1),
            Map.entry("quarter", 3), Map.entry("quarters", 3),
            Map.entry("year", 12), Map.entry("years", 12), Map.entry("yr", 12), Map.entry("yrs", 12), Map.entry("y", 12),
            Map.entry("decade", 120), Map.entry("decades", 120), Map.entry("century", 1200), Map.entry("centuries", 1200),
            Map.entry("millennium", 12000), Map.entry("millennia", 12000));

    private static final Pattern PART = Pattern.compile("\\s*([+-]?\\d+(?:\\.\\d+)?|[+-]?\\.\\d+)\\s*([a-zA-Z]+)\\s*");
    private static final Pattern CLOCK = Pattern.compile("\\s*([+-])?(\\d+):(\\d{1,2})(?::(\\d{1,2}(?:\\.\\d+)?))?\\s*");
    private static final Pattern ISO = Pattern.compile(
            "P(?:(\\d+(?:\\.\\d+)?)Y)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)W)?(?:(\\d+(?:\\.\\d+)?)D)?"
                    + "(?:T(?:(\\d+(?:\\.\\d+)?)H)?(?:(\\d+(?:\\.\\d+)?)M)?(?:(\\d+(?:\\.\\d+)?)S)?)?",
            Pattern.CASE_INSENSITIVE);

    private IntervalText() {}

    /** The standard interval a PostgreSQL interval string means, or empty when it has another shape. */
    static Optional<String> standard(String text) {
        String body = text.trim();
        if (body.startsWith("@")) {
            body = body.substring(1);
        }
        boolean ago = body.toLowerCase(Locale.ROOT).endsWith(" ago");
        if (ago) {
            body = body.substring(0, body.length() - 4);
        }
        BigDecimal seconds = BigDecimal.ZERO;
        BigDecimal months = BigDecimal.ZERO;
        Matcher iso = ISO.matcher(body.trim());
        if (body.trim().length() > 1 && iso.matches()) {
            months = months.add(number(iso.group(1)).multiply(BigDecimal.valueOf(12))).add(number(iso.group(2)));
            seconds = seconds.add(number(iso.group(3)).multiply(SECONDS.get("week"))).add(number(iso.group(4)).multiply(DAY))
                    .add(number(iso.group(5)).multiply(HOUR)).add(number(iso.group(6)).multiply(MINUTE))
                    .add(number(iso.group(7)));
            return Optional.of(write(months, seconds, ago));
        }
        int at = 0;
        boolean any = false;
        Matcher part = PART.matcher(body);
        Matcher clock = CLOCK.matcher(body);
        while (at < body.length()) {
            if (clock.region(at, body.length()).lookingAt()) {
                BigDecimal value = new BigDecimal(clock.group(2)).multiply(HOUR)
                        .add(new BigDecimal(clock.group(3)).multiply(MINUTE)).add(number(clock.group(4)));
                seconds = seconds.add("-".equals(clock.group(1)) ? value.negate() : value);
                at = clock.end();
            } else if (part.region(at, body.length()).lookingAt()) {
                BigDecimal value = new BigDecimal(part.group(1));
                String unit = part.group(2).toLowerCase(Locale.ROOT);
                if (SECONDS.containsKey(unit)) {
                    seconds = seconds.add(value.multiply(SECONDS.get(unit)));
                } else if (MONTHS.containsKey(unit)) {
                    months = months.add(value.multiply(BigDecimal.valueOf(MONTHS.get(unit))));
                } else {
                    return Optional.empty();
                }
                at = part.end();
            } else {
                return Optional.empty();
            }
            any = true;
        }
        return any ? Optional.of(write(months, seconds, ago)) : Optional.empty();
    }

    /** A unit word of DuckDB's {@code INTERVAL 30 MINUTES} as the standard unit, or empty. */
    static Optional<String> unit(String word) {
        String unit = word.toLowerCase(Locale.ROOT);
        return switch (unit) {
            case "second", "seconds" -> Optional.of("SECOND");
            case "minute", "minutes" -> Optional.of("MINUTE");
            case "hour", "hours" -> Optional.of("HOUR");
            case "day", "days" -> Optional.of("DAY");
            case "week", "weeks" -> Optional.of("WEEK");
            case "month", "months" -> Optional.of("MONTH");
            case "quarter", "quarters" -> Optional.of("QUARTER");
            case "year", "years" -> Optional.of("YEAR");
            default -> Optional.empty();
        };
    }

    private static BigDecimal number(String text) {
        return text == null ? BigDecimal.ZERO : new BigDecimal(text);
    }

    private static String write(BigDecimal months, BigDecimal seconds, boolean ago) {
        if (ago) {
            months = months.negate();
            seconds = seconds.negate();
        }
        boolean hasMonths = months.signum() != 0;
        boolean hasSeconds = seconds.signum() != 0;
        if (hasMonths && hasSeconds) {
            return "(" + monthsText(months) + " + " + secondsText(seconds) + ")";
        }
        return hasMonths ? monthsText(months) : secondsText(seconds);
    }

    private static String monthsText(BigDecimal months) {
        if (months.remainder(BigDecimal.valueOf(12)).signum() == 0) {
            return literal(months.divide(BigDecimal.valueOf(12), 0, RoundingMode.UNNECESSARY), "YEAR");
        }
        return literal(months, "MONTH");
    }

    private static String secondsText(BigDecimal seconds) {
        for (Map.Entry<BigDecimal, String> unit : List.of(Map.entry(DAY, "DAY"), Map.entry(HOUR, "HOUR"),
                Map.entry(MINUTE, "MINUTE"))) {
            if (seconds.signum() != 0 && seconds.remainder(unit.getKey()).signum() == 0) {
                return literal(seconds.divide(unit.getKey(), 0, RoundingMode.UNNECESSARY), unit.getValue());
            }
        }
        return literal(seconds, "SECOND");
    }

    private static String literal(BigDecimal amount, String unit) {
        String text = amount.stripTrailingZeros().toPlainString();
        return "INTERVAL '" + text + "' " + unit;
    }
}
