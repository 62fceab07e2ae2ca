package io.funnelql.events;

import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Timestamps;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * The one text form of values, for reading event files and parameters and for writing results.
 * Java types: VARCHAR String, BIGINT Long, DOUBLE Double, BOOLEAN Boolean, TIMESTAMP
 * LocalDateTime, DATE LocalDate.
 */
public final class Values {
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private Values() {}

    /** Reads a non-null value of the given type; empty when the text is not one ({@link #problem} says why). */
    public static Optional<Object> parse(String text, DataType type) {
        try {
            return switch (type) {
                case VARCHAR -> Optional.of(text);
                case BIGINT -> Optional.of(Long.parseLong(text.strip()));
                case DOUBLE -> parseDouble(text.strip());
                case BOOLEAN -> parseBoolean(text.strip());
                case TIMESTAMP -> {
                    TimestampText timestamp = new TimestampText();
                    yield timestamp.parse(text) ? Optional.of(fromEpochMicros(timestamp.micros())) : Optional.empty();
                }
                case DATE -> Timestamps.parseDate(text).map(Object.class::cast);
                case INTERVAL, NULL -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * Why {@link #parse} refuses the text, as a phrase to follow the quoted value ("is not an
     * integer", "has more than 6 fractional digits: …"); null when it reads.
     */
    public static String problem(String text, DataType type) {
        if (type == DataType.TIMESTAMP) {
            TimestampText timestamp = new TimestampText();
            return timestamp.parse(text) ? null : timestamp.problem();
        }
        return parse(text, type).isPresent() ? null : "is not " + expectedForm(type);
    }

    /**
     * Decimal numbers ({@code 1}, {@code -2.5}, {@code 1e-3}), {@code NaN} and {@code Infinity}: not
     * Java's hexadecimal forms or its {@code d}/{@code f} suffixes, which no events file means.
     */
    private static Optional<Object> parseDouble(String text) {
        boolean special = text.equals("NaN") || text.equals("Infinity") || text.equals("+Infinity") || text.equals("-Infinity");
        for (int i = 0; i < text.length() && !special; i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return Optional.empty();
            }
        }
        return Optional.of(Double.parseDouble(text));
    }

    private static Optional<Object> parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> Optional.of(Boolean.TRUE);
            case "false", "f", "0" -> Optional.of(Boolean.FALSE);
            default -> Optional.empty();
        };
    }

    /** What the type looks like in text, for messages. */
    public static String expectedForm(DataType type) {
        return switch (type) {
            case TIMESTAMP -> "a timestamp (" + TimestampText.EXPECTED_FORM + ")";
            case DATE -> "a date (yyyy-mm-dd)";
            case BIGINT -> "an integer";
            case DOUBLE -> "a number";
            case BOOLEAN -> "true or false";
            default -> type.displayName();
        };
    }

    /** Results and CSV: timestamps with seconds, and a fraction only when there is one. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof LocalDateTime timestamp) {
            String text = timestamp.format(SECONDS);
            int nanos = timestamp.getNano();
            if (nanos == 0) {
                return text;
            }
            String fraction = String.format(Locale.ROOT, "%06d", nanos / 1000);
            return text + "." + fraction.replaceAll("0+$", "");
        }
        if (value instanceof Double number) {
            if (number == Math.rint(number) && Math.abs(number) < 1e15) {
                return String.format(Locale.ROOT, "%.1f", number);
            }
            return Double.toString(number);
        }
        return value.toString();
    }

    /** Microseconds since 1970-01-01 00:00, reading the wall-clock value as UTC. */
    public static long epochMicros(LocalDateTime timestamp) {
        return timestamp.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + timestamp.getNano() / 1000;
    }

    public static LocalDateTime fromEpochMicros(long micros) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                (int) Math.floorMod(micros, 1_000_000L) * 1000, ZoneOffset.UTC);
    }
}
