package io.funnelql.events;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * VARCHAR values as codes into the column's dictionary of distinct values (code -1 is NULL):
 * a condition on the column can then be decided once per distinct value instead of once per
 * row, and equal values compare by code.
 */
public final class TextColumn implements ColumnValues {
    private final int[] codes;
    private final List<String> dictionary;
    /** Each code's position in the sorted dictionary, computed on the first comparison of two different values. */
    private volatile int[] ranks;

    TextColumn(int[] codes, List<String> dictionary) {
        this.codes = codes;
        this.dictionary = dictionary;
    }

    /** The code of each row, -1 for NULL; not a copy: callers only read it. */
    public int[] codes() {
        return codes;
    }

    /** The distinct values, indexed by code. */
    public List<String> dictionary() {
        return dictionary;
    }

    @Override
    public int size() {
        return codes.length;
    }

    @Override
    public Object value(int row) {
        return codes[row] < 0 ? null : dictionary.get(codes[row]);
    }

    @Override
    public boolean isNull(int row) {
        return codes[row] < 0;
    }

    @Override
    public int compare(int a, int b) {
        int codeA = codes[a];
        int codeB = codes[b];
        if (codeA == codeB) {
            return 0;
        }
        if (codeA < 0 || codeB < 0) {
            return codeA < 0 ? -1 : 1;
        }
        int[] order = ranks();
        return Integer.compare(order[codeA], order[codeB]);
    }

    private int[] ranks() {
        int[] known = ranks;
        if (known == null) {
            Integer[] sorted = new Integer[dictionary.size()];
            Arrays.setAll(sorted, code -> code);
            // String order, as ValueOrder compares two strings
            Arrays.sort(sorted, Comparator.comparing(dictionary::get));
            known = new int[sorted.length];
            for (int rank = 0; rank < sorted.length; rank++) {
                known[sorted[rank]] = rank;
            }
            ranks = known;
        }
        return known;
    }
}
