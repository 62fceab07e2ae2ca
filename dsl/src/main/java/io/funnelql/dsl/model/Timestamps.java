package io.funnelql.dsl.model;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Optional;

/**
 * The one reading of timestamp text, shared by literals, parameters and event files:
 * {@code yyyy-MM-dd HH:mm:ss[.ffffff]} with a space or {@code T}; a bare date means midnight.
 * Timestamps carry no zone: they are the wall-clock time the event table stores.
 */
public final class Timestamps {
    public static final String EXPECTED_FORMAT = "yyyy-mm-dd hh:mm:ss[.ffffff]";

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendLiteral(':').appendPattern("ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter()
            .withResolverStyle(ResolverStyle.STRICT); // 2023-02-29 is an error, not the 28th

    private Timestamps() {}

    public static Optional<LocalDateTime> parseTimestamp(String text) {
        String trimmed = text.strip();
        try {
            if (trimmed.length() == 10) {
                return Optional.of(LocalDate.parse(trimmed).atStartOfDay());
            }
            if (trimmed.length() < 16 || (trimmed.charAt(10) != ' ' && trimmed.charAt(10) != 'T')) {
                return Optional.empty();
            }
            return Optional.of(LocalDateTime.parse(trimmed, TIMESTAMP));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalDate> parseDate(String text) {
        try {
            return Optional.of(LocalDate.parse(text.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
