package io.funnelql.reference;

import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.NullConditionPolicy;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.expression.Expression;
import io.funnelql.events.EventTable;
import io.funnelql.reference.evaluation.ExpressionEvaluator;
import io.funnelql.reference.evaluation.RowFunction;

import java.util.List;
import java.util.Map;

/**
 * A query's view of the event table: its filter and conditions compiled, with the NULL policy
 * applied. Compiling waits for the first row function asked for: a stream ordered by key makes
 * one of these per key, and executors that reuse {@link ConditionMasks} never ask.
 */
public final class QueryRows {
    private final Query query;
    private final EventTable table;
    private final Map<Name, Object> parameters;
    private ExpressionEvaluator evaluator;
    private RowFunction filter;

    public QueryRows(Query query, EventTable table, Map<Name, Object> parameters) {
        this.query = query;
        this.table = table;
        this.parameters = parameters;
    }

    public Query query() {
        return query;
    }

    public EventTable table() {
        return table;
    }

    public Map<Name, Object> parameters() {
        return parameters;
    }

    /** Whether the query's {@code where} holds on a row (NULL does not). */
    public boolean passesFilter(int row) {
        if (filter == null) {
            filter = query.filter().map(evaluator()::compile).orElse(any -> Boolean.TRUE);
        }
        return Boolean.TRUE.equals(filter.value(row));
    }

    /** Row functions of expressions over this table. */
    public RowFunction[] compile(List<Expression> expressions) {
        return expressions.stream().map(evaluator()::compile).toArray(RowFunction[]::new);
    }

    private ExpressionEvaluator evaluator() {
        if (evaluator == null) {
            evaluator = new ExpressionEvaluator(table, parameters);
        }
        return evaluator;
    }

    /**
     * Each row's condition bitmask ({@link #mask}), or -1 for a row the query's filter or the
     * NULL policy leaves out.
     */
    public long[] masks(List<Expression> conditions, NullConditionPolicy nulls) {
        return new ConditionMasks(query, conditions, nulls).of(this);
    }

    /**
     * Bit i set when condition i is true. Returns -1 when a condition is NULL and the policy
     * skips such rows. A long, so that a 32-step funnel's bit 31 never reads as that -1.
     */
    public static long mask(RowFunction[] conditions, int row, NullConditionPolicy nulls) {
        long mask = 0;
        for (int i = 0; i < conditions.length; i++) {
            Boolean value = ExpressionEvaluator.truth(conditions[i].value(row));
            if (value == null && nulls == NullConditionPolicy.SKIP_ROW) {
                return -1;
            }
            if (Boolean.TRUE.equals(value)) {
                mask |= 1L << i;
            }
        }
        return mask;
    }
}
