package io.funnelql.events;

/** BIGINT values as longs; {@code nulls} is null when the column has no NULL. */
public record BigintColumn(long[] values, boolean[] nulls) implements ColumnValues {
    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object value(int row) {
        return isNull(row) ? null : values[row];
    }

    @Override
    public boolean isNull(int row) {
        return nulls != null && nulls[row];
    }

    @Override
    public int compare(int a, int b) {
        boolean aNull = isNull(a);
        boolean bNull = isNull(b);
        if (aNull || bNull) {
            return Boolean.compare(bNull, aNull);
        }
        return Long.compare(values[a], values[b]);
    }

    @Override
    public boolean hasNulls() {
        return nulls != null;
    }

    @Override
    public int runEnd(int[] rows, int from, int to) {
        int end = from + 1;
        if (nulls == null) {
            long value = values[rows[from]];
            while (end < to && values[rows[end]] == value) {
                end++;
            }
            return end;
        }
        while (end < to && compare(rows[from], rows[end]) == 0) {
            end++;
        }
        return end;
    }
}
