package io.funnelql.lint.counterexample;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.expression.Expression;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values a query's own text makes interesting: the constants each column is compared with
 * (so generated rows hit every step, exclusion and filter) and every duration it names (window,
 * gap, period, interval constants — so generated times land on each bound and 1 µs past it).
 * Found by walking the query's records, so every query kind and every clause is covered.
 */
record SpecificationValues(Map<Column, List<Object>> constants, List<Duration> durations) {

    static SpecificationValues of(Query query) {
        Map<Column, Set<Object>> constants = new LinkedHashMap<>();
        Set<Duration> durations = new LinkedHashSet<>();
        walk(query, constants, durations);
        Map<Column, List<Object>> lists = new LinkedHashMap<>();
        constants.forEach((column, values) -> lists.put(column, List.copyOf(values)));
        return new SpecificationValues(lists, List.copyOf(durations));
    }

    private static void walk(Object node, Map<Column, Set<Object>> constants, Set<Duration> durations) {
        if (node == null) {
            return;
        }
        if (node instanceof Duration duration) {
            if (!duration.isZero() && !duration.isNegative()) {
                durations.add(duration);
            }
            return;
        }
        if (node instanceof Expression expression) {
            expression(expression, constants, durations);
            return;
        }
        if (node instanceof Optional<?> optional) {
            optional.ifPresent(value -> walk(value, constants, durations));
            return;
        }
        if (node instanceof Collection<?> collection) {
            collection.forEach(value -> walk(value, constants, durations));
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.values().forEach(value -> walk(value, constants, durations));
            return;
        }
        if (node instanceof Record record && !(node instanceof Column)) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    walk(component.getAccessor().invoke(record), constants, durations);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component + " of " + record.getClass(), e);
                }
            }
        }
    }

    /** Records a column's constants from comparisons, IN lists and BETWEEN bounds, then goes deeper. */
    private static void expression(Expression expression, Map<Column, Set<Object>> constants, Set<Duration> durations) {
        if (expression instanceof Expression.Literal literal && literal.value() instanceof Duration duration) {
            durations.add(duration.abs());
        }
        List<Expression> compared = new ArrayList<>();
        Expression value = null;
        if (expression instanceof Expression.Comparison comparison) {
            value = comparison.left() instanceof Expression.ColumnReference ? comparison.left() : comparison.right();
            compared.add(value == comparison.left() ? comparison.right() : comparison.left());
        } else if (expression instanceof Expression.InList in) {
            value = in.value();
            compared.addAll(in.candidates());
        } else if (expression instanceof Expression.Between between) {
            value = between.value();
            compared.add(between.lower());
            compared.add(between.upper());
        }
        if (value instanceof Expression.ColumnReference reference) {
            for (Expression other : compared) {
                if (other instanceof Expression.Literal literal && literal.value() != null) {
                    constants.computeIfAbsent(reference.column(), column -> new LinkedHashSet<>()).add(literal.value());
                }
            }
        }
        for (RecordComponent component : expression.getClass().getRecordComponents()) {
            try {
                Object child = component.getAccessor().invoke(expression);
                if (child instanceof Expression || child instanceof Collection<?>) {
                    walk(child, constants, durations);
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component + " of " + expression.getClass(), e);
            }
        }
    }
}
