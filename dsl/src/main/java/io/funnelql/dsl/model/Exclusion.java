package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

/** An event that disqualifies a conversion when it occurs between two steps. */
public record Exclusion(Name name, Expression condition, Step after, Step before) {}
