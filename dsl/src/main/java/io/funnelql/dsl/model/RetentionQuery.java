package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

import java.util.List;
import java.util.Optional;

/** Cohort retention: of the keys in a cohort, how many returned N periods later. */
public record RetentionQuery(
        Name name,
        Source source,
        List<Column> countBy,
        Optional<Expression> filter,
        CohortKind cohortKind,
        Expression cohortCondition,
        Expression returnCondition,
        RetentionPeriod period,
        List<Integer> offsets,
        ReturnMatch returnMatch,
        NullConditionPolicy nullConditions,
        RetentionReport report) implements Query {

    public RetentionQuery {
        countBy = List.copyOf(countBy);
        offsets = List.copyOf(offsets);
    }

    @Override
    public String kind() {
        return "retention";
    }

    @Override
    public <R> R accept(QueryVisitor<R> visitor) {
        return visitor.retention(this);
    }
}
