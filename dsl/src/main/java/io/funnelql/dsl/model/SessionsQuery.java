package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Events of a key split into sessions where the gap between two events exceeds {@code gap}.
 * {@code lateness} is how late an event may reach the table (used only by incremental maintenance).
 */
public record SessionsQuery(
        Name name,
        Source source,
        List<Column> countBy,
        Optional<Expression> filter,
        Duration gap,
        Optional<Duration> maxLength,
        Optional<Duration> lateness,
        SessionsReport report) implements Query {

    public SessionsQuery {
        countBy = List.copyOf(countBy);
    }

    @Override
    public String kind() {
        return "sessions";
    }

    @Override
    public <R> R accept(QueryVisitor<R> visitor) {
        return visitor.sessions(this);
    }
}
