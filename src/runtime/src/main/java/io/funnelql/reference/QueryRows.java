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

/** A query's view of the event table: its filter and conditions compiled, with the NULL policy applied. */
public final class QueryRows {
    private final EventTable table;
    private final ExpressionEvaluator evaluator;
    private final RowFunction filter;

    public QueryRows(Query query, EventTable table, Map<Name, Object> parameters) {
        this.table = table;
        this.evaluator = new ExpressionEvaluator(table, parameters);
        this.filter = query.filter().map(evaluator::compile).orElse(row -> Boolean.TRUE);
    }

    public EventTable table() {
        return table;
    }

    /** Whether the query's {@code where} holds on a row (NULL does not). */
    public boolean passesFilter(int row) {
        return Boolean.TRUE.equals(filter.value(row));
    }

    private RowFunction[] compile(List<Expression> conditions) {
        return conditions.stream().map(evaluator::compile).toArray(RowFunction[]::new);
    }

    /**
     * Each row's condition bitmask ({@link #mask}), or -1 for a row the query's filter or the
     * NULL policy leaves out.
     */
    public long[] masks(List<Expression> conditions, NullConditionPolicy nulls) {
        RowFunction[] compiled = compile(conditions);
        long[] masks = new long[table.rowCount()];
        for (int row = 0; row < masks.length; row++) {
            masks[row] = passesFilter(row) ? mask(compiled, row, nulls) : -1;
        }
        return masks;
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
