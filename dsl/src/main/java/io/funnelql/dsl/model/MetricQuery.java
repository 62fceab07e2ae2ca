package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A dashboard summary: per tenant and calendar period (in {@code zone}), the number of events
 * and, per summed numeric column, how many events have a value and the sum of those values
 * (events without one are skipped, not counted as 0).
 */
public record MetricQuery(
        Name name,
        Source source,
        Optional<Expression> filter,
        PeriodUnit unit,
        ZoneId zone,
        List<Column> sums) implements Query {

    public MetricQuery {
        sums = List.copyOf(sums);
    }

    /** A metric groups by tenant and period only. */
    @Override
    public List<Column> countBy() {
        return List.of();
    }

    @Override
    public String kind() {
        return "metric";
    }

    @Override
    public <R> R accept(QueryVisitor<R> visitor) {
        return visitor.metric(this);
    }
}
