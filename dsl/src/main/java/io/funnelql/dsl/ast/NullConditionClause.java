package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.NullConditionPolicy;

public record NullConditionClause(NullConditionPolicy policy, SourceLocation location)
        implements FunnelClause, RetentionClause, SequenceClause {
    @Override
    public String keyword() {
        return "null condition";
    }
}
