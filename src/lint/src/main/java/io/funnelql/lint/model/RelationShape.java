package io.funnelql.lint.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the linter knows of a relation: where it comes from ({@code origin}: a table, view or CTE
 * name, empty for an inline sub-query), its columns when known, the column sets it is unique on
 * (an empty set: at most one row), its event-time column, and the joins that multiplied its rows
 * without a GROUP BY or DISTINCT after them.
 */
public record RelationShape(
        Optional<String> origin,
        Optional<List<String>> columns,
        List<Set<String>> uniqueKeys,
        Optional<String> timeColumn,
        List<FanOut> fanOuts,
        ColumnFacts facts) {

    public RelationShape {
        columns = columns.map(List::copyOf);
        uniqueKeys = uniqueKeys.stream().map(Set::copyOf).toList();
        fanOuts = List.copyOf(fanOuts);
    }

    /** A shape with nothing known of its columns beyond their names. */
    public RelationShape(Optional<String> origin, Optional<List<String>> columns, List<Set<String>> uniqueKeys,
            Optional<String> timeColumn, List<FanOut> fanOuts) {
        this(origin, columns, uniqueKeys, timeColumn, fanOuts, ColumnFacts.NONE);
    }

    public static RelationShape unknown(Optional<String> origin) {
        return new RelationShape(origin, Optional.empty(), List.of(), Optional.empty(), List.of());
    }

    public RelationShape withFacts(ColumnFacts newFacts) {
        return new RelationShape(origin, columns, uniqueKeys, timeColumn, fanOuts, newFacts);
    }

    public RelationShape withoutFanOuts() {
        return new RelationShape(origin, columns, uniqueKeys, timeColumn, List.of(), facts);
    }

    /** Whether a column holds times: by its declared type or role, else empty when nothing says. */
    public Optional<Boolean> temporal(String column) {
        if (facts.temporal().contains(column) || timeColumn.equals(Optional.of(column))) {
            return Optional.of(true);
        }
        return facts.nonTemporal().contains(column) ? Optional.of(false) : Optional.empty();
    }

    /** Unique on these columns: some unique key lies within them. */
    public boolean uniqueOn(Collection<String> bound) {
        return uniqueKeys.stream().anyMatch(bound::containsAll);
    }

    public Optional<Boolean> hasColumn(String column) {
        return columns.map(c -> c.contains(column));
    }

    public RelationShape withOrigin(String name) {
        return new RelationShape(Optional.of(name), columns, uniqueKeys, timeColumn, fanOuts, facts);
    }

    public RelationShape renamed(List<String> newNames) {
        if (columns.isEmpty() || columns.get().size() != newNames.size()) {
            List<Set<String>> atMostOneRow = uniqueKeys.stream().filter(Set::isEmpty).toList();
            return new RelationShape(origin, Optional.of(newNames), atMostOneRow, Optional.empty(), fanOuts,
                    new ColumnFacts(Set.of(), Set.of(), Set.of(), List.of(), facts.fromTenantScoped()));
        }
        List<String> old = columns.get();
        List<Set<String>> keys = uniqueKeys.stream()
                .map(key -> Set.copyOf(key.stream().map(c -> newNames.get(old.indexOf(c))).toList())).toList();
        Optional<String> time = timeColumn.filter(old::contains).map(c -> newNames.get(old.indexOf(c)));
        return new RelationShape(origin, Optional.of(newNames), keys, time, fanOuts,
                facts.renamed(c -> old.contains(c) ? newNames.get(old.indexOf(c)) : null));
    }
}
