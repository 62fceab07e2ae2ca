package io.funnelql.events;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The one reading of TIMESTAMP text in events files, {@code --param} values and expected results
 * (docs/inputs.md, "Timestamps"):
 *
 * <ul>
 *   <li>{@code yyyy-mm-dd hh:mm[:ss[.f…]]}, a space or {@code T} between date and time;</li>
 *   <li>an offset after the time, {@code Z} or {@code ±hh:mm} (also {@code ±hhmm} and {@code ±hh},
 *       as PostgreSQL prints them): the value is converted to UTC, the wall clock FunnelQL works in;</li>
 *   <li>a bare date {@code yyyy-mm-dd} is midnight;</li>
 *   <li>at most 6 fractional digits (microseconds, what every engine keeps): a 7th to 9th digit is
 *       an error unless it is 0, never cut silently;</li>
 *   <li>blanks around the value are ignored; anything else is an error that says which rule failed.</li>
 * </ul>
 *
 * One instance per column: it remembers the last date it read, as consecutive events mostly share it.
 */
public final class TimestampText {
    public static final String EXPECTED_FORM = "yyyy-mm-dd hh:mm:ss[.ffffff], optionally with T and an offset Z or ±hh:mm";
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private long micros;
    private String problem;
    private int lastDate = -1;
    private long lastEpochDay;

    /**
     * Reads {@code text}: true with {@link #micros()} set, or false with {@link #problem()} saying
     * why (a phrase that follows the quoted value, such as "is not a valid date").
     */
    public boolean parse(String text) {
        problem = null;
        int start = 0;
        int end = text.length();
        while (start < end && blank(text.charAt(start))) {
            start++;
        }
        while (end > start && blank(text.charAt(end - 1))) {
            end--;
        }
        if (end - start < 10 || text.charAt(start + 4) != '-' || text.charAt(start + 7) != '-') {
            return notATimestamp();
        }
        int year = digits(text, start, start + 4);
        int month = digits(text, start + 5, start + 7);
        int day = digits(text, start + 8, start + 10);
        if (year < 0 || month < 0 || day < 0) {
            return notATimestamp();
        }
        int date = year * 10_000 + month * 100 + day;
        if (date != lastDate) {
            try {
                lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
            } catch (DateTimeException e) {
                problem = "is not a valid date";
                return false;
            }
            lastDate = date;
        }
        long seconds = lastEpochDay * 86_400L;
        int p = start + 10;
        if (p == end) {
            micros = seconds * MICROS_PER_SECOND; // a bare date: midnight
            return true;
        }
        char separator = text.charAt(p);
        if ((separator != ' ' && separator != 'T') || p + 6 > end || text.charAt(p + 3) != ':') {
            return notATimestamp();
        }
        int hour = digits(text, p + 1, p + 3);
        int minute = digits(text, p + 4, p + 6);
        if (hour < 0 || minute < 0) {
            return notATimestamp();
        }
        p += 6;
        int second = 0;
        int nanos = 0;
        if (p < end && text.charAt(p) == ':') {
            if (p + 3 > end || (second = digits(text, p + 1, p + 3)) < 0) {
                return notATimestamp();
            }
            p += 3;
            if (p < end && text.charAt(p) == '.') {
                int from = ++p;
                while (p < end && text.charAt(p) >= '0' && text.charAt(p) <= '9') {
                    p++;
                }
                int count = p - from;
                if (count == 0 || count > 9) {
                    return notATimestamp();
                }
                for (int i = from; i < from + 9; i++) {
                    nanos = nanos * 10 + (i < p ? text.charAt(i) - '0' : 0);
                }
                if (nanos % 1000 != 0) {
                    problem = "has more than 6 fractional digits: FunnelQL keeps microseconds, as the engines do "
                            + "(round or cut the value where it is written)";
                    return false;
                }
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            problem = "is not a valid time of day";
            return false;
        }
        int offsetSeconds = 0;
        if (p < end) {
            int offsetAt = text.charAt(p) == ' ' ? p + 1 : p;
            offsetSeconds = offset(text, offsetAt, end);
            if (offsetSeconds == Integer.MIN_VALUE) {
                return problem != null ? false : notATimestamp();
            }
            p = end;
        }
        seconds += hour * 3600L + minute * 60L + second - offsetSeconds;
        micros = seconds * MICROS_PER_SECOND + nanos / 1000;
        return true;
    }

    /** The value read last, in microseconds since 1970-01-01 00:00 UTC. */
    public long micros() {
        return micros;
    }

    /** Why the last text was refused. */
    public String problem() {
        return problem;
    }

    /** {@code Z}, {@code ±hh}, {@code ±hhmm} or {@code ±hh:mm} filling text[from, end), in seconds east of UTC; MIN_VALUE if not one. */
    private int offset(String text, int from, int end) {
        if (from >= end) {
            return Integer.MIN_VALUE;
        }
        char sign = text.charAt(from);
        if ((sign == 'Z' || sign == 'z') && from + 1 == end) {
            return 0;
        }
        if (sign != '+' && sign != '-') {
            return Integer.MIN_VALUE;
        }
        int length = end - from - 1;
        int hours;
        int minutes = 0;
        if (length == 2) {
            hours = digits(text, from + 1, from + 3);
        } else if (length == 4) {
            hours = digits(text, from + 1, from + 3);
            minutes = digits(text, from + 3, from + 5);
        } else if (length == 5 && text.charAt(from + 3) == ':') {
            hours = digits(text, from + 1, from + 3);
            minutes = digits(text, from + 4, from + 6);
        } else {
            return Integer.MIN_VALUE;
        }
        if (hours < 0 || minutes < 0) {
            return Integer.MIN_VALUE;
        }
        if (hours > 18 || minutes > 59 || (hours == 18 && minutes > 0)) {
            problem = "has an offset beyond ±18:00";
            return Integer.MIN_VALUE;
        }
        int seconds = hours * 3600 + minutes * 60;
        return sign == '-' ? -seconds : seconds;
    }

    private boolean notATimestamp() {
        problem = "is not a timestamp (" + EXPECTED_FORM + ")";
        return false;
    }

    private static boolean blank(char c) {
        return c == ' ' || c == '\t';
    }

    /** The decimal number text[from, to) spells, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
