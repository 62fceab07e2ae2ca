package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

/** One condition of a condition-list retention. */
public record RetentionCondition(int index, Name name, Expression condition) {}
