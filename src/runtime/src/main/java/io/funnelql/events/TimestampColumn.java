package io.funnelql.events;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * TIMESTAMP values as microseconds since 1970 ({@link Values#epochMicros}, what the scans
 * read), plus the nanoseconds below the microsecond, which only ordering and the boxed value
 * need: {@code extraNanos} is null when every value is a whole microsecond, {@code nulls} when
 * no value is NULL.
 */
public record TimestampColumn(long[] micros, int[] extraNanos, boolean[] nulls) implements ColumnValues {
    @Override
    public int size() {
        return micros.length;
    }

    @Override
    public Object value(int row) {
        if (isNull(row)) {
            return null;
        }
        int nanos = (int) Math.floorMod(micros[row], 1_000_000L) * 1000 + (extraNanos == null ? 0 : extraNanos[row]);
        return LocalDateTime.ofEpochSecond(Math.floorDiv(micros[row], 1_000_000L), nanos, ZoneOffset.UTC);
    }

    @Override
    public boolean isNull(int row) {
        return nulls != null && nulls[row];
    }

    @Override
    public int compare(int a, int b) {
        if (isNull(a) || isNull(b)) {
            return ColumnValues.nullOrder(isNull(a), isNull(b));
        }
        int order = Long.compare(micros[a], micros[b]);
        return order != 0 || extraNanos == null ? order : Integer.compare(extraNanos[a], extraNanos[b]);
    }

    @Override
    public boolean hasNulls() {
        return nulls != null;
    }

    @Override
    public int runEnd(int[] rows, int from, int to) {
        if (nulls == null && extraNanos == null) {
            long value = micros[rows[from]];
            int end = from + 1;
            while (end < to && micros[rows[end]] == value) {
                end++;
            }
            return end;
        }
        return runEndByComparing(rows, from, to);
    }
}
