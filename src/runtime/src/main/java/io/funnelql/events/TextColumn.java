package io.funnelql.events;

import java.util.List;

/**
 * VARCHAR values as codes into the column's dictionary of distinct values (code -1 is NULL):
 * a condition on the column can then be decided once per distinct value instead of once per
 * row, and equal values compare by code.
 */
public final class TextColumn implements ColumnValues {
    private final int[] codes;
    private final List<String> dictionary;
    private final boolean hasNulls;

    TextColumn(int[] codes, List<String> dictionary, boolean hasNulls) {
        this.codes = codes;
        this.dictionary = dictionary;
        this.hasNulls = hasNulls;
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
        return dictionary.get(codeA).compareTo(dictionary.get(codeB)); // as ValueOrder compares two strings
    }

    @Override
    public boolean hasNulls() {
        return hasNulls;
    }

    @Override
    public int runEnd(int[] rows, int from, int to) {
        int code = codes[rows[from]];
        int end = from + 1;
        while (end < to && codes[rows[end]] == code) {
            end++;
        }
        return end;
    }
}
