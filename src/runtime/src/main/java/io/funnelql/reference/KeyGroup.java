package io.funnelql.reference;

import java.util.List;

/**
 * The rows of one key (tenant and counting-key values), in event order: by time, then by the
 * rows' values (so that same-time rows are ordered the same whatever order the file had).
 * {@code times} may be the table's own array of microseconds: readers never write to it.
 */
public record KeyGroup(List<Object> key, int[] rows, long[] times) {
    public int size() {
        return rows.length;
    }
}
