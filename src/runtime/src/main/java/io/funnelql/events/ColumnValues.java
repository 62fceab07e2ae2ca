package io.funnelql.events;

/**
 * One column of an {@link EventTable}, stored as its type allows: timestamps and integers as
 * primitive arrays, text as codes into a per-column dictionary, anything else as the values
 * themselves. The reference executor reads the primitive forms; {@link #value} boxes on demand
 * for everything else (engines' loading, results, expressions no column comparison covers).
 */
public sealed interface ColumnValues permits TextColumn, TimestampColumn, BigintColumn, BoxedColumn {
    int size();

    /** The value as the Java type {@link Values} names, null for SQL NULL. */
    Object value(int row);

    boolean isNull(int row);

    /** Two rows' values in {@link io.funnelql.result.ValueOrder}'s order: NULLs first, then by value. */
    int compare(int a, int b);

    /** Whether some row may be NULL (false only when none is). */
    boolean hasNulls();

    /**
     * Where the run of equal values starting at rows[from] ends: the first index in (from, to)
     * whose row holds another value, or {@code to}.
     */
    int runEnd(int[] rows, int from, int to);

    /** {@link #runEnd} by comparing each row with the first, for a column with no quicker test. */
    default int runEndByComparing(int[] rows, int from, int to) {
        int end = from + 1;
        while (end < to && compare(rows[from], rows[end]) == 0) {
            end++;
        }
        return end;
    }

    /** The order of two rows of which at least one is NULL: NULLs first. */
    static int nullOrder(boolean aNull, boolean bNull) {
        return Boolean.compare(bNull, aNull);
    }
}
