package io.funnelql.reference;

import java.util.function.IntBinaryOperator;

/**
 * A stable sort of row numbers by a comparison of rows, without boxing them: a merge sort that
 * inserts short runs and skips merging halves already in order, so input that is nearly in
 * order (a file sorted by time with a few ties out of place) costs little more than a pass.
 */
final class RowSort {
    private static final int INSERTION_LENGTH = 24;

    private RowSort() {}

    static void sort(int[] rows, int from, int to, IntBinaryOperator order) {
        if (to - from <= INSERTION_LENGTH) {
            insert(rows, from, to, order); // most sorted ranges are a few same-time rows
            return;
        }
        sort(rows, new int[to - from], from, from, to, order);
    }

    /** Sorts rows[from, to) using spare[from - base, to - base) as room to merge. */
    private static void sort(int[] rows, int[] spare, int base, int from, int to, IntBinaryOperator order) {
        if (to - from <= INSERTION_LENGTH) {
            insert(rows, from, to, order);
            return;
        }
        int middle = (from + to) >>> 1;
        sort(rows, spare, base, from, middle, order);
        sort(rows, spare, base, middle, to, order);
        if (order.applyAsInt(rows[middle - 1], rows[middle]) <= 0) {
            return; // the halves already follow each other
        }
        System.arraycopy(rows, from, spare, from - base, to - from);
        int left = from - base;
        int right = middle - base;
        for (int target = from; target < to; target++) {
            if (right >= to - base || (left < middle - base && order.applyAsInt(spare[left], spare[right]) <= 0)) {
                rows[target] = spare[left++];
            } else {
                rows[target] = spare[right++];
            }
        }
    }

    private static void insert(int[] rows, int from, int to, IntBinaryOperator order) {
        for (int i = from + 1; i < to; i++) {
            int row = rows[i];
            int j = i - 1;
            while (j >= from && order.applyAsInt(rows[j], row) > 0) {
                rows[j + 1] = rows[j];
                j--;
            }
            rows[j + 1] = row;
        }
    }
}
