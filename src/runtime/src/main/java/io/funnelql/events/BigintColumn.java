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
        if (isNull(a) || isNull(b)) {
            return ColumnValues.nullOrder(isNull(a), isNull(b));
        }
        return Long.compare(values[a], values[b]);
    }

    @Override
    public boolean hasNulls() {
        return nulls != null;
    }

    @Override
    public int runEnd(int[] rows, int from, int to) {
        if (nulls == null) {
            long value = values[rows[from]];
            int end = from + 1;
            while (end < to && values[rows[end]] == value) {
                end++;
            }
            return end;
        }
        return runEndByComparing(rows, from, to);
    }
}
