package io.funnelql.dsl.model.expression;

public enum LogicalOperator {
    AND,
    OR
}
