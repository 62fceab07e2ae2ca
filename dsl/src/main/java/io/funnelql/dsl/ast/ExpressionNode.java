package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.expression.ArithmeticOperator;
import io.funnelql.dsl.model.expression.ComparisonOperator;
import io.funnelql.dsl.model.expression.LogicalOperator;

import java.util.List;

/** An expression as written, before names and types are resolved. */
public sealed interface ExpressionNode extends Node {

    record NullLiteral(SourceLocation location) implements ExpressionNode {}

    record BooleanLiteral(boolean value, SourceLocation location) implements ExpressionNode {}

    /** Kept as text so that an out-of-range number is reported, not wrapped. */
    record IntegerLiteral(String text, SourceLocation location) implements ExpressionNode {}

    record DecimalLiteral(String text, SourceLocation location) implements ExpressionNode {}

    /** The value with quotes removed and doubled quotes undone. */
    record StringLiteral(String value, SourceLocation location) implements ExpressionNode {}

    record TimestampLiteral(String text, SourceLocation location) implements ExpressionNode {}

    record DateLiteral(String text, SourceLocation location) implements ExpressionNode {}

    record IntervalLiteral(DurationNode duration, SourceLocation location) implements ExpressionNode {}

    record ParameterReference(Identifier name, SourceLocation location) implements ExpressionNode {}

    record ColumnReference(Identifier name, SourceLocation location) implements ExpressionNode {}

    record Comparison(ComparisonOperator operator, ExpressionNode left, ExpressionNode right, SourceLocation location)
            implements ExpressionNode {}

    record Between(ExpressionNode value, ExpressionNode lower, ExpressionNode upper, boolean negated,
                   SourceLocation location) implements ExpressionNode {}

    record InList(ExpressionNode value, List<ExpressionNode> candidates, boolean negated, SourceLocation location)
            implements ExpressionNode {
        public InList {
            candidates = List.copyOf(candidates);
        }
    }

    record IsNull(ExpressionNode value, boolean negated, SourceLocation location) implements ExpressionNode {}

    record Like(ExpressionNode value, ExpressionNode pattern, boolean negated, SourceLocation location)
            implements ExpressionNode {}

    record Not(ExpressionNode operand, SourceLocation location) implements ExpressionNode {}

    record Logical(LogicalOperator operator, ExpressionNode left, ExpressionNode right, SourceLocation location)
            implements ExpressionNode {}

    record Negation(ExpressionNode operand, SourceLocation location) implements ExpressionNode {}

    record Arithmetic(ArithmeticOperator operator, ExpressionNode left, ExpressionNode right, SourceLocation location)
            implements ExpressionNode {}
}
