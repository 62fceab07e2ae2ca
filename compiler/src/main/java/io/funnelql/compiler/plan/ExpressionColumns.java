package io.funnelql.compiler.plan;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.expression.Expression;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The source columns an expression reads. */
public final class ExpressionColumns {
    private ExpressionColumns() {}

    public static void collect(Expression expression, Set<Column> columns) {
        for (Expression operand : operands(expression)) {
            collect(operand, columns);
        }
        if (expression instanceof Expression.ColumnReference reference) {
            columns.add(reference.column());
        }
    }

    private static List<Expression> operands(Expression expression) {
        if (expression instanceof Expression.Comparison comparison) {
            return List.of(comparison.left(), comparison.right());
        }
        if (expression instanceof Expression.Between between) {
            return List.of(between.value(), between.lower(), between.upper());
        }
        if (expression instanceof Expression.InList in) {
            return Stream.concat(Stream.of(in.value()), in.candidates().stream()).toList();
        }
        if (expression instanceof Expression.IsNull isNull) {
            return List.of(isNull.value());
        }
        if (expression instanceof Expression.Like like) {
            return List.of(like.value(), like.pattern());
        }
        if (expression instanceof Expression.Not not) {
            return List.of(not.operand());
        }
        if (expression instanceof Expression.Logical logical) {
            return List.of(logical.left(), logical.right());
        }
        if (expression instanceof Expression.Negation negation) {
            return List.of(negation.operand());
        }
        if (expression instanceof Expression.Arithmetic arithmetic) {
            return List.of(arithmetic.left(), arithmetic.right());
        }
        return List.of(); // a column, a literal, a parameter
    }
}
