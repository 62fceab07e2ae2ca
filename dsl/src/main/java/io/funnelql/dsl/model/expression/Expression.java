package io.funnelql.dsl.model.expression;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Parameter;

import java.util.List;

/**
 * A type-checked expression over one source's columns. Literal values are Java values:
 * {@code Long}, {@code Double}, {@code String}, {@code Boolean}, {@code LocalDateTime},
 * {@code LocalDate}, {@code Duration}, or null.
 */
public sealed interface Expression {
    DataType type();

    record ColumnReference(Column column) implements Expression {
        @Override
        public DataType type() {
            return column.type();
        }
    }

    record Literal(Object value, DataType type) implements Expression {}

    record ParameterReference(Parameter parameter) implements Expression {
        @Override
        public DataType type() {
            return parameter.type();
        }
    }

    record Comparison(ComparisonOperator operator, Expression left, Expression right) implements Expression {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }
    }

    record Between(Expression value, Expression lower, Expression upper, boolean negated) implements Expression {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }
    }

    record InList(Expression value, List<Expression> candidates, boolean negated) implements Expression {
        public InList {
            candidates = List.copyOf(candidates);
        }

        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }
    }

    record IsNull(Expression value, boolean negated) implements Expression {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }
    }

    record Like(Expression value, Expression pattern, boolean negated) implements Expression {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }
    }

    record Not(Expression operand) implements Expression {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }
    }

    record Logical(LogicalOperator operator, Expression left, Expression right) implements Expression {
        @Override
        public DataType type() {
            return DataType.BOOLEAN;
        }
    }

    record Negation(Expression operand) implements Expression {
        @Override
        public DataType type() {
            return operand.type();
        }
    }

    record Arithmetic(ArithmeticOperator operator, Expression left, Expression right, DataType type)
            implements Expression {}
}
