package io.funnelql.reference;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.NullConditionPolicy;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.expression.Expression;
import io.funnelql.events.EventTable;
import io.funnelql.events.TextColumn;
import io.funnelql.reference.evaluation.ExpressionEvaluator;
import io.funnelql.reference.evaluation.RowFunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each row's condition bitmask ({@link QueryRows#mask}), -1 for a row the query's filter or the
 * NULL policy leaves out. An executor keeps one per condition list for all its batches: when the
 * filter and conditions read at most one column and that column is text, the mask is a function
 * of the row's dictionary code, so it is computed once per distinct value (the first time a row
 * holds it, so a value no row holds is never evaluated) through row functions compiled once
 * against a one-value probe; otherwise each row is evaluated as before.
 */
public final class ConditionMasks {
    /** No mask is this: masks are -1 or a set of bits below bit 32. */
    private static final long UNKNOWN = Long.MIN_VALUE;
    /** Beyond this many distinct values remembered, the memory is started afresh (a column of ids, say). */
    private static final int REMEMBERED_VALUES = 10_000;

    private final Optional<Expression> filter;
    private final List<Expression> conditions;
    private final NullConditionPolicy nulls;
    private final List<Column> columns;
    /** The value the probe's row functions read for the one column they may reference. */
    private final Object[] probe = new Object[1];
    private Map<Name, Object> probeParameters;
    private RowFunction probeFilter;
    private RowFunction[] probeConditions;
    /** Masks already known by value, for the probe's parameters: batches of one key share most values. */
    private final Map<Object, Long> maskOfValue = new HashMap<>();

    public ConditionMasks(Query query, List<Expression> conditions, NullConditionPolicy nulls) {
        this.filter = query.filter();
        this.conditions = List.copyOf(conditions);
        this.nulls = nulls;
        Set<Column> read = new LinkedHashSet<>();
        filter.ifPresent(expression -> collectColumns(expression, read));
        conditions.forEach(expression -> collectColumns(expression, read));
        this.columns = new ArrayList<>(read);
    }

    /** The masks of a batch's rows, in a new array. */
    public long[] of(QueryRows rows) {
        return of(rows, null);
    }

    /**
     * The masks of a batch's rows in {@code buffer} when it is long enough (an executor reuses one
     * across batches: allocation, and so garbage collection, stays per key, not per event), in a
     * new array otherwise; only the first {@code rowCount} entries are the batch's.
     */
    public long[] of(QueryRows rows, long[] buffer) {
        EventTable table = rows.table();
        int rowCount = table.rowCount();
        long[] masks = buffer != null && buffer.length >= rowCount ? buffer : new long[rowCount];
        if (rowCount == 0) {
            return masks;
        }
        if (columns.isEmpty()) {
            Arrays.fill(masks, 0, rowCount, probeMask(rows.parameters(), null));
            return masks;
        }
        if (columns.size() == 1 && table.values(table.columnIndex(columns.get(0))) instanceof TextColumn text) {
            int[] codes = text.codes();
            long[] byCode = new long[text.dictionary().size() + 1]; // index code + 1: NULL first
            Arrays.fill(byCode, UNKNOWN);
            for (int row = 0; row < rowCount; row++) {
                int index = codes[row] + 1;
                long mask = byCode[index];
                if (mask == UNKNOWN) {
                    mask = probeMask(rows.parameters(), index == 0 ? null : text.dictionary().get(index - 1));
                    byCode[index] = mask;
                }
                masks[row] = mask;
            }
            return masks;
        }
        RowFunction[] compiled = rows.compile(conditions);
        for (int row = 0; row < rowCount; row++) {
            masks[row] = rows.passesFilter(row) ? QueryRows.mask(compiled, row, nulls) : -1;
        }
        return masks;
    }

    /** The mask of a row whose one referenced column holds {@code value}. */
    private long probeMask(Map<Name, Object> parameters, Object value) {
        if (probeConditions == null || (parameters != probeParameters && !parameters.equals(probeParameters))) {
            ExpressionEvaluator evaluator = new ExpressionEvaluator(column -> row -> probe[0], parameters);
            probeFilter = filter.map(evaluator::compile).orElse(row -> Boolean.TRUE);
            probeConditions = conditions.stream().map(evaluator::compile).toArray(RowFunction[]::new);
            probeParameters = parameters;
            maskOfValue.clear();
        }
        Long known = maskOfValue.get(value);
        if (known != null) {
            return known;
        }
        probe[0] = value;
        long mask = Boolean.TRUE.equals(probeFilter.value(0)) ? QueryRows.mask(probeConditions, 0, nulls) : -1;
        if (maskOfValue.size() >= REMEMBERED_VALUES) {
            maskOfValue.clear();
        }
        maskOfValue.put(value, mask);
        return mask;
    }

    private static void collectColumns(Expression expression, Set<Column> columns) {
        if (expression instanceof Expression.ColumnReference reference) {
            columns.add(reference.column());
        } else if (expression instanceof Expression.Comparison comparison) {
            collectColumns(comparison.left(), columns);
            collectColumns(comparison.right(), columns);
        } else if (expression instanceof Expression.Between between) {
            collectColumns(between.value(), columns);
            collectColumns(between.lower(), columns);
            collectColumns(between.upper(), columns);
        } else if (expression instanceof Expression.InList in) {
            collectColumns(in.value(), columns);
            in.candidates().forEach(candidate -> collectColumns(candidate, columns));
        } else if (expression instanceof Expression.IsNull isNull) {
            collectColumns(isNull.value(), columns);
        } else if (expression instanceof Expression.Like like) {
            collectColumns(like.value(), columns);
            collectColumns(like.pattern(), columns);
        } else if (expression instanceof Expression.Not not) {
            collectColumns(not.operand(), columns);
        } else if (expression instanceof Expression.Logical logical) {
            collectColumns(logical.left(), columns);
            collectColumns(logical.right(), columns);
        } else if (expression instanceof Expression.Negation negation) {
            collectColumns(negation.operand(), columns);
        } else if (expression instanceof Expression.Arithmetic arithmetic) {
            collectColumns(arithmetic.left(), columns);
            collectColumns(arithmetic.right(), columns);
        }
        // literals and parameters read no column
    }
}
