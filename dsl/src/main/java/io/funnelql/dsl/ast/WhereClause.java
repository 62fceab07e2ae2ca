package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;

public record WhereClause(ExpressionNode condition, SourceLocation location)
        implements FunnelClause, SessionsClause, RetentionClause, MetricClause, SequenceClause, PathsClause {
    @Override
    public String keyword() {
        return "where";
    }
}
