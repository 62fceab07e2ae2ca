package io.funnelql.dsl.analysis;

import io.funnelql.dsl.ast.ExpressionNode;
import io.funnelql.dsl.ast.Identifier;
import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Parameter;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.Timestamps;
import io.funnelql.dsl.model.expression.ArithmeticOperator;
import io.funnelql.dsl.model.expression.Expression;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves names and checks types of one expression against a source's columns and the
 * declared parameters. After an error it returns a NULL literal, which is compatible with
 * everything, so one mistake is reported once rather than at every enclosing operator.
 */
final class ExpressionAnalyzer {
    private static final Expression ERROR = new Expression.Literal(null, DataType.NULL);

    private final Optional<Source> source;
    private final Map<Name, Parameter> parameters;
    private final Diagnostics diagnostics;

    ExpressionAnalyzer(Optional<Source> source, Map<Name, Parameter> parameters, Diagnostics diagnostics) {
        this.source = source;
        this.parameters = parameters;
        this.diagnostics = diagnostics;
    }

    /** Analyzes a condition, which must be boolean; {@code role} names it in messages ("a step condition"). */
    Expression condition(ExpressionNode node, String role) {
        Expression expression = analyze(node);
        if (expression.type() != DataType.BOOLEAN && expression != ERROR) {
            diagnostics.error(node.location(), role + " must be boolean, found " + expression.type().displayName());
        }
        return expression;
    }

    Expression analyze(ExpressionNode node) {
        if (node instanceof ExpressionNode.NullLiteral) {
            return new Expression.Literal(null, DataType.NULL);
        }
        if (node instanceof ExpressionNode.BooleanLiteral literal) {
            return new Expression.Literal(literal.value(), DataType.BOOLEAN);
        }
        if (node instanceof ExpressionNode.IntegerLiteral literal) {
            return integer(literal);
        }
        if (node instanceof ExpressionNode.DecimalLiteral literal) {
            return new Expression.Literal(Double.parseDouble(literal.text()), DataType.DOUBLE);
        }
        if (node instanceof ExpressionNode.StringLiteral literal) {
            return new Expression.Literal(literal.value(), DataType.VARCHAR);
        }
        if (node instanceof ExpressionNode.TimestampLiteral literal) {
            return Timestamps.parseTimestamp(literal.text())
                    .<Expression>map(value -> new Expression.Literal(value, DataType.TIMESTAMP))
                    .orElseGet(() -> error(literal.location(), "invalid timestamp literal '" + literal.text()
                            + "': expected " + Timestamps.EXPECTED_FORMAT));
        }
        if (node instanceof ExpressionNode.DateLiteral literal) {
            return Timestamps.parseDate(literal.text())
                    .<Expression>map(value -> new Expression.Literal(value, DataType.DATE))
                    .orElseGet(() -> error(literal.location(), "invalid date literal '" + literal.text() + "': expected yyyy-mm-dd"));
        }
        if (node instanceof ExpressionNode.IntervalLiteral literal) {
            return Durations.resolve(literal.duration(), "an interval", diagnostics)
                    .<Expression>map(value -> new Expression.Literal(value, DataType.INTERVAL))
                    .orElse(ERROR);
        }
        if (node instanceof ExpressionNode.ParameterReference reference) {
            return parameter(reference.name());
        }
        if (node instanceof ExpressionNode.ColumnReference reference) {
            return column(reference.name());
        }
        if (node instanceof ExpressionNode.Comparison comparison) {
            Expression left = analyze(comparison.left());
            Expression right = analyze(comparison.right());
            requireComparable(comparison.location(), left, right, comparison.operator().symbol());
            return new Expression.Comparison(comparison.operator(), left, right);
        }
        if (node instanceof ExpressionNode.Between between) {
            Expression value = analyze(between.value());
            Expression lower = analyze(between.lower());
            Expression upper = analyze(between.upper());
            requireComparable(between.location(), value, lower, "between");
            requireComparable(between.location(), value, upper, "between");
            return new Expression.Between(value, lower, upper, between.negated());
        }
        if (node instanceof ExpressionNode.InList in) {
            Expression value = analyze(in.value());
            List<Expression> candidates = in.candidates().stream().map(this::analyze).toList();
            candidates.forEach(candidate -> requireComparable(in.location(), value, candidate, "in"));
            return new Expression.InList(value, candidates, in.negated());
        }
        if (node instanceof ExpressionNode.IsNull isNull) {
            return new Expression.IsNull(analyze(isNull.value()), isNull.negated());
        }
        if (node instanceof ExpressionNode.Like like) {
            Expression value = requireType(like.value(), DataType.VARCHAR, "like");
            Expression pattern = requireType(like.pattern(), DataType.VARCHAR, "like");
            return new Expression.Like(value, pattern, like.negated());
        }
        if (node instanceof ExpressionNode.Not not) {
            return new Expression.Not(requireType(not.operand(), DataType.BOOLEAN, "not"));
        }
        if (node instanceof ExpressionNode.Logical logical) {
            String operator = logical.operator().name().toLowerCase(Locale.ROOT);
            return new Expression.Logical(logical.operator(),
                    requireType(logical.left(), DataType.BOOLEAN, operator),
                    requireType(logical.right(), DataType.BOOLEAN, operator));
        }
        if (node instanceof ExpressionNode.Negation negation) {
            Expression operand = analyze(negation.operand());
            if (!operand.type().isNumeric() && operand.type() != DataType.INTERVAL && operand != ERROR) {
                return error(negation.location(), "cannot negate a " + operand.type().displayName() + " value");
            }
            return new Expression.Negation(operand);
        }
        return arithmetic((ExpressionNode.Arithmetic) node);
    }

    private Expression integer(ExpressionNode.IntegerLiteral literal) {
        try {
            return new Expression.Literal(Long.parseLong(literal.text()), DataType.BIGINT);
        } catch (NumberFormatException e) {
            return error(literal.location(), "integer " + literal.text() + " is out of range (at most " + Long.MAX_VALUE + ")");
        }
    }

    private Expression parameter(Identifier name) {
        Parameter parameter = parameters.get(name.name());
        if (parameter == null) {
            return error(name.location(), "unknown parameter :" + name.name().display()
                    + Suggestions.didYouMean(name.text(), parameters.keySet().stream().map(Name::display).toList())
                    + (parameters.isEmpty() ? " (declare it with: param " + name.name().display() + " <type>;)" : ""));
        }
        return new Expression.ParameterReference(parameter);
    }

    private Expression column(Identifier name) {
        if (source.isEmpty()) {
            return error(name.location(), "a column cannot be used here: " + name.name().display());
        }
        Optional<Column> column = source.get().column(name.name());
        if (column.isEmpty()) {
            return error(name.location(), unknownColumnMessage(source.get(), name));
        }
        return new Expression.ColumnReference(column.get());
    }

    static String unknownColumnMessage(Source source, Identifier name) {
        return "unknown column " + name.name().display() + " in source " + source.name().display()
                + Suggestions.didYouMean(name.text(), source.columns().stream().map(c -> c.name().display()).toList());
    }

    private Expression arithmetic(ExpressionNode.Arithmetic arithmetic) {
        Expression left = analyze(arithmetic.left());
        Expression right = analyze(arithmetic.right());
        if (left == ERROR || right == ERROR) {
            return ERROR;
        }
        Optional<DataType> type = arithmeticType(arithmetic.operator(), left.type(), right.type());
        if (type.isEmpty()) {
            return error(arithmetic.location(), "cannot apply " + arithmetic.operator().symbol() + " to "
                    + left.type().displayName() + " and " + right.type().displayName());
        }
        return new Expression.Arithmetic(arithmetic.operator(), left, right, type.get());
    }

    /** Division is always double: engines disagree on integer division (7 / 2 is 3 in PostgreSQL, 3.5 in DuckDB). */
    private static Optional<DataType> arithmeticType(ArithmeticOperator operator, DataType left, DataType right) {
        boolean additive = operator == ArithmeticOperator.ADD || operator == ArithmeticOperator.SUBTRACT;
        if (left.isNumeric() && right.isNumeric()) {
            boolean integral = left == DataType.BIGINT && right == DataType.BIGINT && operator != ArithmeticOperator.DIVIDE;
            return Optional.of(integral ? DataType.BIGINT : DataType.DOUBLE);
        }
        if (additive && left.isTemporal() && right == DataType.INTERVAL) {
            return Optional.of(DataType.TIMESTAMP);
        }
        if (operator == ArithmeticOperator.ADD && left == DataType.INTERVAL && right.isTemporal()) {
            return Optional.of(DataType.TIMESTAMP);
        }
        if (additive && left == DataType.INTERVAL && right == DataType.INTERVAL) {
            return Optional.of(DataType.INTERVAL);
        }
        return Optional.empty();
    }

    private Expression requireType(ExpressionNode node, DataType expected, String operator) {
        Expression expression = analyze(node);
        if (expression.type() != expected && expression.type() != DataType.NULL) {
            return error(node.location(), operator + " needs a " + expected.displayName() + " operand, found "
                    + expression.type().displayName());
        }
        return expression;
    }

    private void requireComparable(SourceLocation location, Expression left, Expression right, String operator) {
        if (left.type().isComparableWith(right.type())) {
            return;
        }
        String hint = "";
        if (left.type().isTemporal() && right.type() == DataType.VARCHAR
                || right.type().isTemporal() && left.type() == DataType.VARCHAR) {
            hint = "; write a timestamp literal, e.g. timestamp '2024-01-01 00:00:00'";
        }
        diagnostics.error(location, "cannot compare " + left.type().displayName() + " with " + right.type().displayName()
                + " (" + operator + ")" + hint);
    }

    private Expression error(SourceLocation location, String message) {
        diagnostics.error(location, message);
        return ERROR;
    }

    /** Whether an expression is the placeholder left behind by a reported error. */
    static boolean isError(Expression expression) {
        return expression == ERROR;
    }
}
