package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;

import java.util.List;

public record CountByClause(List<Identifier> columns, SourceLocation location)
        implements FunnelClause, SessionsClause, RetentionClause, SequenceClause, PathsClause {
    public CountByClause {
        columns = List.copyOf(columns);
    }

    @Override
    public String keyword() {
        return "count by";
    }
}
