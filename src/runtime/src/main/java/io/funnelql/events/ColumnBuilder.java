package io.funnelql.events;

import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Timestamps;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills one {@link ColumnValues} row by row, from text (an events file) or from values (tables
 * built in memory), without a boxed value per row for the primitive and dictionary forms.
 */
abstract class ColumnBuilder {
    private static final int INITIAL_CAPACITY = 16;

    protected int size;

    static ColumnBuilder of(DataType type) {
        return switch (type) {
            case VARCHAR -> new Text();
            case TIMESTAMP -> new Timestamp();
            case BIGINT -> new Bigint();
            default -> new Boxed(type);
        };
    }

    int size() {
        return size;
    }

    abstract void addNull();

    /** A value of the column's Java type ({@link Values}), or null. */
    abstract void add(Object value);

    /** Parses non-null text as {@link Values#parse} does; false (and nothing added) when it is not of the type. */
    abstract boolean addText(String text);

    /** The column of the first {@code rows} rows added. */
    abstract ColumnValues build(int rows);

    /** The value of an added row, boxed. */
    abstract Object value(int row);

    protected static int grown(int length) {
        return Math.max(INITIAL_CAPACITY, length * 2);
    }

    protected static boolean[] nulls(boolean[] nulls, boolean any, int rows) {
        return any ? Arrays.copyOf(nulls, rows) : null;
    }

    private static final class Text extends ColumnBuilder {
        private final Map<String, Integer> codeOfValue = new HashMap<>();
        private final List<String> dictionary = new ArrayList<>();
        private int[] codes = new int[INITIAL_CAPACITY];
        private boolean anyNull;

        @Override
        void addNull() {
            append(-1);
            anyNull = true;
        }

        @Override
        void add(Object value) {
            if (value == null) {
                addNull();
            } else {
                addText((String) value);
            }
        }

        @Override
        boolean addText(String text) {
            Integer code = codeOfValue.get(text);
            if (code == null) {
                code = dictionary.size();
                codeOfValue.put(text, code);
                dictionary.add(text);
            }
            append(code);
            return true;
        }

        private void append(int code) {
            if (size == codes.length) {
                codes = Arrays.copyOf(codes, grown(size));
            }
            codes[size++] = code;
        }

        @Override
        ColumnValues build(int rows) {
            return new TextColumn(Arrays.copyOf(codes, rows), List.copyOf(dictionary), anyNull);
        }

        @Override
        Object value(int row) {
            return codes[row] < 0 ? null : dictionary.get(codes[row]);
        }
    }

    private static final class Bigint extends ColumnBuilder {
        private long[] values = new long[INITIAL_CAPACITY];
        private boolean[] nulls = new boolean[INITIAL_CAPACITY];
        private boolean anyNull;

        @Override
        void addNull() {
            append(0, true);
        }

        @Override
        void add(Object value) {
            if (value == null) {
                addNull();
            } else {
                append((Long) value, false);
            }
        }

        @Override
        boolean addText(String text) {
            try {
                append(Long.parseLong(text.strip()), false);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private void append(long value, boolean isNull) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size));
                nulls = Arrays.copyOf(nulls, values.length);
            }
            values[size] = value;
            nulls[size++] = isNull;
            anyNull |= isNull;
        }

        @Override
        ColumnValues build(int rows) {
            return new BigintColumn(Arrays.copyOf(values, rows), nulls(nulls, anyNull, rows));
        }

        @Override
        Object value(int row) {
            return nulls[row] ? null : values[row];
        }
    }

    /**
     * Microseconds plus the nanoseconds below them. A value whose microseconds do not fit a long
     * (beyond about 290,000 years from 1970) turns the column into a boxed one.
     */
    private static final class Timestamp extends ColumnBuilder {
        private static final long LIMIT_SECONDS = Long.MAX_VALUE / 1_000_000L - 1;

        private long[] micros = new long[INITIAL_CAPACITY];
        private int[] extraNanos = new int[INITIAL_CAPACITY];
        private boolean[] nulls = new boolean[INITIAL_CAPACITY];
        private boolean anyNull;
        private boolean anyExtraNanos;
        private Boxed boxed;
        /** The last date the fast reading saw, as year * 10000 + month * 100 + day, and its epoch day. */
        private int lastDate = -1;
        private long lastEpochDay;

        @Override
        void addNull() {
            if (boxed != null) {
                boxed.addNull();
                size++;
                return;
            }
            append(0, 0, true);
        }

        @Override
        void add(Object value) {
            if (value == null) {
                addNull();
                return;
            }
            LocalDateTime timestamp = (LocalDateTime) value;
            long seconds = timestamp.toEpochSecond(ZoneOffset.UTC);
            if (boxed == null && Math.abs(seconds) > LIMIT_SECONDS) {
                Boxed values = new Boxed(DataType.TIMESTAMP);
                for (int row = 0; row < size; row++) {
                    values.add(value(row));
                }
                boxed = values;
            }
            if (boxed != null) {
                boxed.add(timestamp);
                size++;
                return;
            }
            append(seconds * 1_000_000L + timestamp.getNano() / 1000, timestamp.getNano() % 1000, false);
        }

        @Override
        boolean addText(String text) {
            if (boxed == null && addCommonForm(text)) {
                return true;
            }
            Optional<LocalDateTime> parsed = Timestamps.parseTimestamp(text);
            parsed.ifPresent(this::add);
            return parsed.isPresent();
        }

        /**
         * The form event files almost always use, {@code yyyy-MM-dd HH:mm:ss[.f…]} (space or T, one
         * to nine fraction digits, no surrounding blanks), read without building a LocalDateTime;
         * false for anything else, which {@link Timestamps#parseTimestamp} then reads (or rejects).
         */
        private boolean addCommonForm(String text) {
            int length = text.length();
            if (length < 19 || length == 20 || length > 29 || text.charAt(4) != '-' || text.charAt(7) != '-'
                    || (text.charAt(10) != ' ' && text.charAt(10) != 'T') || text.charAt(13) != ':'
                    || text.charAt(16) != ':' || (length > 19 && text.charAt(19) != '.')) {
                return false;
            }
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int fraction = length > 19 ? digits(text, 20, length) : 0;
            if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                    || second < 0 || second > 59 || fraction < 0) {
                return false;
            }
            int date = year * 10_000 + month * 100 + day;
            if (date != lastDate) {
                try {
                    lastEpochDay = LocalDate.of(year, month, day).toEpochDay();
                } catch (DateTimeException e) {
                    return false;
                }
                lastDate = date;
            }
            int nanos = fraction;
            for (int scale = length > 19 ? length - 20 : 9; scale < 9; scale++) {
                nanos *= 10;
            }
            long seconds = lastEpochDay * 86_400L + hour * 3600L + minute * 60L + second;
            append(seconds * 1_000_000L + nanos / 1000, nanos % 1000, false);
            return true;
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

        private void append(long value, int extra, boolean isNull) {
            if (size == micros.length) {
                micros = Arrays.copyOf(micros, grown(size));
                extraNanos = Arrays.copyOf(extraNanos, micros.length);
                nulls = Arrays.copyOf(nulls, micros.length);
            }
            micros[size] = value;
            extraNanos[size] = extra;
            nulls[size++] = isNull;
            anyNull |= isNull;
            anyExtraNanos |= extra != 0;
        }

        @Override
        ColumnValues build(int rows) {
            if (boxed != null) {
                return boxed.build(rows);
            }
            return new TimestampColumn(Arrays.copyOf(micros, rows), anyExtraNanos ? Arrays.copyOf(extraNanos, rows) : null,
                    nulls(nulls, anyNull, rows));
        }

        @Override
        Object value(int row) {
            if (boxed != null) {
                return boxed.value(row);
            }
            return new TimestampColumn(micros, extraNanos, nulls).value(row);
        }
    }

    private static final class Boxed extends ColumnBuilder {
        private final DataType type;
        private Object[] values = new Object[INITIAL_CAPACITY];

        Boxed(DataType type) {
            this.type = type;
        }

        @Override
        void addNull() {
            add(null);
        }

        @Override
        void add(Object value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, grown(size));
            }
            values[size++] = value;
        }

        @Override
        boolean addText(String text) {
            Optional<Object> value = Values.parse(text, type);
            value.ifPresent(this::add);
            return value.isPresent();
        }

        @Override
        ColumnValues build(int rows) {
            return new BoxedColumn(Arrays.copyOf(values, rows));
        }

        @Override
        Object value(int row) {
            return values[row];
        }
    }
}
