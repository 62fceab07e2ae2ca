package io.funnelql.compiler.plan.funnel;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Step;
import io.funnelql.dsl.model.expression.ComparisonOperator;
import io.funnelql.dsl.model.expression.Expression;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Proves that no row can match two steps: every step's condition is {@code column = 'text'} or
 * {@code column IN ('text', …)} on one and the same column, and no text is accepted by two steps.
 * Text equality is exact on every target (no padding, no case folding; Oracle's {@code ''} is
 * NULL and matches nothing), so two different texts never both equal one value.
 */
final class DisjointSteps {
    private DisjointSteps() {}

    static boolean proven(List<Step> steps) {
        Column column = null;
        Set<String> seen = new HashSet<>();
        for (Step step : steps) {
            Optional<Accepted> accepted = accepted(step.condition());
            if (accepted.isEmpty() || column != null && !column.equals(accepted.get().column())) {
                return false;
            }
            column = accepted.get().column();
            for (String text : accepted.get().texts()) {
                if (!seen.add(text)) {
                    return false;
                }
            }
        }
        return true;
    }

    private record Accepted(Column column, List<String> texts) {}

    private static Optional<Accepted> accepted(Expression condition) {
        if (condition instanceof Expression.Comparison comparison && comparison.operator() == ComparisonOperator.EQUAL) {
            if (comparison.left() instanceof Expression.ColumnReference reference && text(comparison.right()).isPresent()) {
                return Optional.of(new Accepted(reference.column(), List.of(text(comparison.right()).get())));
            }
            if (comparison.right() instanceof Expression.ColumnReference reference && text(comparison.left()).isPresent()) {
                return Optional.of(new Accepted(reference.column(), List.of(text(comparison.left()).get())));
            }
        }
        if (condition instanceof Expression.InList list && !list.negated()
                && list.value() instanceof Expression.ColumnReference reference
                && list.candidates().stream().allMatch(candidate -> text(candidate).isPresent())) {
            return Optional.of(new Accepted(reference.column(),
                    list.candidates().stream().map(candidate -> text(candidate).orElseThrow()).toList()));
        }
        return Optional.empty();
    }

    private static Optional<String> text(Expression expression) {
        return expression instanceof Expression.Literal literal && literal.value() instanceof String text
                ? Optional.of(text) : Optional.empty();
    }
}
