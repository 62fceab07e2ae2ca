package io.funnelql.events;

import io.funnelql.dsl.model.DataType;

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

    /**
     * Parses non-null text as {@link Values#parse} does; null when added, else why it is not of
     * the type (nothing added), as {@link Values#problem} says it.
     */
    abstract String addText(String text);

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
        String addText(String text) {
            Integer code = codeOfValue.get(text);
            if (code == null) {
                code = dictionary.size();
                codeOfValue.put(text, code);
                dictionary.add(text);
            }
            append(code);
            return null;
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
        String addText(String text) {
            try {
                append(Long.parseLong(text.strip()), false);
                return null;
            } catch (NumberFormatException e) {
                return "is not " + Values.expectedForm(DataType.BIGINT);
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
        private final TimestampText parser = new TimestampText();

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
        String addText(String text) {
            if (!parser.parse(text)) {
                return parser.problem();
            }
            if (boxed != null) {
                add(Values.fromEpochMicros(parser.micros()));
            } else {
                append(parser.micros(), 0, false);
            }
            return null;
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
        String addText(String text) {
            Optional<Object> value = Values.parse(text, type);
            value.ifPresent(this::add);
            return value.isPresent() ? null : Values.problem(text, type);
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
