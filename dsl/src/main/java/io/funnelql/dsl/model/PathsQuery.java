package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Paths (PostHog's Paths, Amplitude's Pathfinder, Mixpanel's Flows): per key, the nodes of the
 * events after (or before) its first anchor event, up to {@code depth} steps, cut by the
 * session gap and the window; reported as the top transitions of each depth, counted in keys.
 * A node is the first {@code cleaning} rule's label that holds on the event, else the node column's value.
 */
public record PathsQuery(
        Name name,
        Source source,
        List<Column> countBy,
        Optional<Expression> filter,
        PathDirection direction,
        Expression anchor,
        Optional<Duration> sessionGap,
        Optional<Duration> window,
        int depth,
        Column node,
        List<NodeRule> cleaning,
        boolean collapseRepeats,
        int top) implements Query {

    /** The deepest path a query may ask for. */
    public static final int MAX_DEPTH = 20;
    public static final int DEFAULT_DEPTH = 5;
    /** The most transitions per depth a query may ask for. */
    public static final int MAX_TOP = 1000;
    public static final int DEFAULT_TOP = 10;

    public PathsQuery {
        countBy = List.copyOf(countBy);
        cleaning = List.copyOf(cleaning);
    }

    @Override
    public String kind() {
        return "paths";
    }

    @Override
    public <R> R accept(QueryVisitor<R> visitor) {
        return visitor.paths(this);
    }
}
