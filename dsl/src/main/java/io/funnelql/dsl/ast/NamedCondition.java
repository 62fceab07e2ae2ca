package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;

/** {@code name: condition}, as in a funnel step, an exclusion or a retention condition. */
public record NamedCondition(Identifier name, ExpressionNode condition, SourceLocation location) implements Node {}
