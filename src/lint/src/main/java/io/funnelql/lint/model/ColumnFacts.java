package io.funnelql.lint.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.ArrayList;

/**
 * What is known of a relation's columns beyond their names, which the rules need to prove a claim:
 * which hold times (a temporal declared type, a --schema time column, a value computed from a time)
 * and which are known not to; which are never below 1 (a COUNT(*) of a group); which pairs of
 * columns are disjoint ranges per key ({@code [start, LEAD(start) OVER (PARTITION BY key ORDER BY
 * start))}, so that a point matches at most one row of a key); and whether the rows were computed
 * from tenant-scoped rows; and which columns number the rows of a partition ({@code rowNumbers}:
 * {@code ROW_NUMBER() OVER (PARTITION BY keys …)}, so that {@code WHERE rn = 1} keeps one row per key).
 */
public record ColumnFacts(Set<String> temporal, Set<String> nonTemporal, Set<String> positive,
        List<DisjointRange> ranges, boolean fromTenantScoped, Map<String, Set<String>> rowNumbers) {
    public static final ColumnFacts NONE = new ColumnFacts(Set.of(), Set.of(), Set.of(), List.of(), false);

    public ColumnFacts {
        temporal = Set.copyOf(temporal);
        nonTemporal = Set.copyOf(nonTemporal);
        positive = Set.copyOf(positive);
        ranges = List.copyOf(ranges);
        rowNumbers = Map.copyOf(rowNumbers);
    }

    /** Facts without row numbers. */
    public ColumnFacts(Set<String> temporal, Set<String> nonTemporal, Set<String> positive, List<DisjointRange> ranges,
            boolean fromTenantScoped) {
        this(temporal, nonTemporal, positive, ranges, fromTenantScoped, Map.of());
    }

    /** Rows of one key have ranges {@code [low, high)} that do not overlap (high: the next row's low, or NULL). */
    public record DisjointRange(Set<String> keys, String low, String high) {
        public DisjointRange {
            keys = Set.copyOf(keys);
        }
    }

    /** The facts with each column renamed (a column that has no new name drops out). */
    public ColumnFacts renamed(Function<String, String> rename) {
        Set<String> t = new HashSet<>();
        Set<String> n = new HashSet<>();
        Set<String> p = new HashSet<>();
        temporal.stream().map(rename).filter(c -> c != null).forEach(t::add);
        nonTemporal.stream().map(rename).filter(c -> c != null).forEach(n::add);
        positive.stream().map(rename).filter(c -> c != null).forEach(p::add);
        List<DisjointRange> r = new ArrayList<>();
        for (DisjointRange range : ranges) {
            Set<String> keys = new HashSet<>();
            range.keys().stream().map(rename).filter(c -> c != null).forEach(keys::add);
            String low = rename.apply(range.low());
            String high = rename.apply(range.high());
            if (keys.size() == range.keys().size() && low != null && high != null) {
                r.add(new DisjointRange(keys, low, high));
            }
        }
        Map<String, Set<String>> numbers = new HashMap<>();
        rowNumbers.forEach((column, keys) -> {
            String name = rename.apply(column);
            Set<String> renamedKeys = new HashSet<>();
            keys.stream().map(rename).filter(c -> c != null).forEach(renamedKeys::add);
            if (name != null && renamedKeys.size() == keys.size()) {
                numbers.put(name, renamedKeys);
            }
        });
        return new ColumnFacts(t, n, p, r, fromTenantScoped, numbers);
    }

    public ColumnFacts renamed(Map<String, String> names) {
        return renamed(names::get);
    }
}
