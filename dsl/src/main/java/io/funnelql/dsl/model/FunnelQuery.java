package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

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

    public FunnelQuery {
        countBy = List.copyOf(countBy);
        modes = Set.copyOf(modes);
        steps = List.copyOf(steps);
        exclusions = List.copyOf(exclusions);
    }

    public boolean hasMode(FunnelMode mode) {
        return modes.contains(mode);
    }

    @Override
    public String kind() {
        return "funnel";
    }
}
