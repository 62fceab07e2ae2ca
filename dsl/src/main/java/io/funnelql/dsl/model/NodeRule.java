package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

/** One rule of {@code clean (...)}: an event on which {@code condition} holds is the node {@code label}. */
public record NodeRule(String label, Expression condition) {}
