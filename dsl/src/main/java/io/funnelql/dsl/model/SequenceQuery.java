package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

import java.util.List;
import java.util.Optional;

/**
 * ClickHouse's {@code sequenceMatch} / {@code sequenceCount} (or duckdb-behavioral's
 * {@code sequence_match} / {@code sequence_count}): per key, whether its events match a pattern
 * over the conditions, and how many non-overlapping matches they hold.
 */
public record SequenceQuery(
        Name name,
        Source source,
        List<Column> countBy,
        Optional<Expression> filter,
        Profile profile,
        List<SequenceCondition> conditions,
        NullConditionPolicy nullConditions,
        SequencePattern pattern,
        SequenceReport report) implements Query {

    public SequenceQuery {
        countBy = List.copyOf(countBy);
        conditions = List.copyOf(conditions);
    }

    @Override
    public String kind() {
        return "sequence";
    }

    @Override
    public <R> R accept(QueryVisitor<R> visitor) {
        return visitor.sequence(this);
    }
}
