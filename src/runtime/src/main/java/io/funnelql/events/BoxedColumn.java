package io.funnelql.events;

import io.funnelql.result.ValueOrder;

/** A column kept as its values: the types whose rows no hot loop reads (double, boolean, date), and timestamps out of the microsecond range. */
record BoxedColumn(Object[] values) implements ColumnValues {
    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Object value(int row) {
        return values[row];
    }

    @Override
    public boolean isNull(int row) {
        return values[row] == null;
    }

    @Override
    public int compare(int a, int b) {
        return ValueOrder.compareValues(values[a], values[b]);
    }

    @Override
    public boolean hasNulls() {
        return true; // not known without a look at every value
    }

    @Override
    public int runEnd(int[] rows, int from, int to) {
        return runEndByComparing(rows, from, to);
    }
}
