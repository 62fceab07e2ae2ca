package io.funnelql.dsl.model;

/**
 * One method per query kind: what the compiler, the reference executor and the reports implement
 * to handle every kind. Adding a kind to {@link Query} fails to compile until each of them
 * handles it, which an {@code instanceof} chain would not.
 */
public interface QueryVisitor<R> {
    R funnel(FunnelQuery query);

    R sessions(SessionsQuery query);

    R retention(RetentionQuery query);

    R conditionRetention(ConditionRetentionQuery query);

    R metric(MetricQuery query);

    R sequence(SequenceQuery query);

    R paths(PathsQuery query);
}
