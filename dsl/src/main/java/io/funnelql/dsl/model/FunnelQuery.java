package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public record FunnelQuery(
        Name name,
        Source source,
        List<Column> countBy,
        Optional<Expression> filter,
        FunnelWindow window,
        EntryPolicy entry,
        Set<FunnelMode> modes,
        Profile profile,
        TiePolicy ties,
        NullConditionPolicy nullConditions,
        List<Step> steps,
        List<Exclusion> exclusions,
        Optional<Breakdown> breakdown,
        FunnelReport report) implements Query {
    /** The attempt's entry time column of {@code report per key} under {@code entry every}. */
    public static final String ENTRY_TIME = "entry_time";

    public FunnelQuery {
        countBy = List.copyOf(countBy);
        modes = Set.copyOf(modes);
        steps = List.copyOf(steps);
        exclusions = List.copyOf(exclusions);
    }

    /**
     * The result's name for the breakdown column: the column's own name, or that name prefixed
     * with {@code breakdown_} when the result already has a column of that name (a count-by
     * column in {@code report per key}, or a report column such as {@code count}), so that no
     * two result columns share a name.
     */
    public Optional<String> breakdownColumnName() {
        return breakdown.map(b -> {
            Set<String> taken = new HashSet<>(report.columns());
            if (report == FunnelReport.PER_KEY) {
                partitionKey().forEach(column -> taken.add(column.name().value()));
                if (entry == EntryPolicy.EVERY) {
                    taken.add(ENTRY_TIME);
                }
            }
            String name = b.column().name().value();
            while (taken.contains(name)) {
                name = "breakdown_" + name;
            }
            return name;
        });
    }

    public boolean hasMode(FunnelMode mode) {
        return modes.contains(mode);
    }

    @Override
    public String kind() {
        return "funnel";
    }

    @Override
    public <R> R accept(QueryVisitor<R> visitor) {
        return visitor.funnel(this);
    }
}
