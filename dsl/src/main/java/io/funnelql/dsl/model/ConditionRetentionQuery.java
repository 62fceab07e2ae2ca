package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

import java.util.List;
import java.util.Optional;

/**
 * ClickHouse's {@code retention(c1, ..., cN)}: per key {@code [c1, c1 and c2, ..., c1 and cN]},
 * the conditions holding on any rows of the key, in any order.
 */
public record ConditionRetentionQuery(
        Name name,
        Source source,
        List<Column> countBy,
        Optional<Expression> filter,
        List<RetentionCondition> conditions,
        NullConditionPolicy nullConditions,
        RetentionReport report) implements Query {

    public ConditionRetentionQuery {
        countBy = List.copyOf(countBy);
        conditions = List.copyOf(conditions);
    }

    @Override
    public String kind() {
        return "retention";
    }

    @Override
    public <R> R accept(QueryVisitor<R> visitor) {
        return visitor.conditionRetention(this);
    }
}
