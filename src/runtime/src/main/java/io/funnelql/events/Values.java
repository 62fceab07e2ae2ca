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

    /** Reads a non-null value of the given type; empty when the text is not one. */
    public static Optional<Object> parse(String text, DataType type) {
        try {
            return switch (type) {
                case VARCHAR -> Optional.of(text);
                case BIGINT -> Optional.of(Long.parseLong(text.strip()));
                case DOUBLE -> Optional.of(Double.parseDouble(text.strip()));
                case BOOLEAN -> parseBoolean(text.strip());
                case TIMESTAMP -> Timestamps.parseTimestamp(text).map(Object.class::cast);
                case DATE -> Timestamps.parseDate(text).map(Object.class::cast);
                case INTERVAL, NULL -> Optional.empty();
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
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
            case TIMESTAMP -> "a timestamp (" + Timestamps.EXPECTED_FORMAT + ")";
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
