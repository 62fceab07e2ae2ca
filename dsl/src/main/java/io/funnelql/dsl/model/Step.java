package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

/** A funnel step: its 1-based position, its name and the condition an event must meet. */
public record Step(int index, Name name, Expression condition) {}
