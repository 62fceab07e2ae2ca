package io.funnelql.result;

import java.util.List;

/** The total order FunnelQL sorts keys and result rows by: NULLs first, then by value. */
public final class ValueOrder {
    private ValueOrder() {}

    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int compareValues(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        return ((Comparable) a).compareTo(b);
    }

    public static int compareLists(List<?> a, List<?> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int order = compareValues(a.get(i), b.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
