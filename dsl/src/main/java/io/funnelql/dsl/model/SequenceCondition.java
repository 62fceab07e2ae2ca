package io.funnelql.dsl.model;

import io.funnelql.dsl.model.expression.Expression;

/** One condition of a sequence query: {@code (?index)} or {@code (?name)} in its pattern. */
public record SequenceCondition(int index, Name name, Expression condition) {}
