package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A resolved query of any kind: every knob has its final value, defaults applied. */
public sealed interface Query permits FunnelQuery, SessionsQuery, RetentionQuery, ConditionRetentionQuery, MetricQuery,
        SequenceQuery, PathsQuery {
    Name name();

    Source source();

    /** The counting key as written (or the source's key), without the tenant. */
    List<Column> countBy();

    Optional<Expression> filter();

    /** The full key every partition and join uses: the tenant column (if declared), then the counting key. */
    default List<Column> partitionKey() {
        List<Column> key = new ArrayList<>();
        source().tenant().ifPresent(key::add);
        key.addAll(countBy());
        return List.copyOf(key);
    }

    /** The query kind's keyword, as in the language. */
    String kind();

    /** Hands this query, typed, to the visitor's method for its kind. */
    <R> R accept(QueryVisitor<R> visitor);
}
