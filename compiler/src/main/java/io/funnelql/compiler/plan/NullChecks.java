package io.funnelql.compiler.plan;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.expression.ArithmeticOperator;
import io.funnelql.dsl.model.expression.Expression;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a condition is NULL, for the NULL-condition policy that drops such rows. Most conditions
 * are NULL exactly when one of the columns they read is (comparisons, BETWEEN, IN and LIKE of
 * columns and non-NULL constants, arithmetic without division): the policy is then
 * {@code column IS NOT NULL} per column, which an engine can push into its scan, and nothing at
 * all when the condition reads no column or cannot be NULL ({@code IS NULL}). Any other condition
 * (AND/OR, which may be decided by one side; a parameter, which may be bound to NULL; a division,
 * NULL on zero in some engines) keeps the general form {@code c OR NOT c}.
 */
final class NullChecks {
    private NullChecks() {}

    /** The columns whose NULL makes {@code condition} NULL, and only those; empty when no such set decides it. */
    static Optional<Set<Column>> nullExactlyWhenNull(Expression condition) {
        Set<Column> columns = new LinkedHashSet<>();
        return collect(condition, columns) ? Optional.of(columns) : Optional.empty();
    }

    private static boolean collect(Expression expression, Set<Column> columns) {
        if (expression instanceof Expression.ColumnReference reference) {
            columns.add(reference.column());
            return true;
        }
        if (expression instanceof Expression.Literal literal) {
            return literal.value() != null;
        }
        if (expression instanceof Expression.IsNull) {
            return true; // never NULL, whatever it reads: nothing to check
        }
        if (expression instanceof Expression.Comparison comparison) {
            return all(columns, comparison.left(), comparison.right());
        }
        if (expression instanceof Expression.Between between) {
            return all(columns, between.value(), between.lower(), between.upper());
        }
        if (expression instanceof Expression.InList in) {
            return collect(in.value(), columns) && in.candidates().stream().allMatch(candidate -> collect(candidate, columns));
        }
        if (expression instanceof Expression.Like like) {
            return all(columns, like.value(), like.pattern());
        }
        if (expression instanceof Expression.Not not) {
            return collect(not.operand(), columns);
        }
        if (expression instanceof Expression.Negation negation) {
            return collect(negation.operand(), columns);
        }
        if (expression instanceof Expression.Arithmetic arithmetic) {
            return arithmetic.operator() != ArithmeticOperator.DIVIDE && all(columns, arithmetic.left(), arithmetic.right());
        }
        return false; // a parameter (may be bound to NULL), AND/OR (one side may decide)
    }

    private static boolean all(Set<Column> columns, Expression... operands) {
        return List.of(operands).stream().allMatch(operand -> collect(operand, columns));
    }
}
