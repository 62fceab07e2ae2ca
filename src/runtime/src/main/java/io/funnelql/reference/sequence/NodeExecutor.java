package io.funnelql.reference.sequence;

import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.SequenceCondition;
import io.funnelql.dsl.model.SequenceQuery;
import io.funnelql.dsl.model.SequenceReport;
import io.funnelql.dsl.model.expression.Expression;
import io.funnelql.events.ColumnValues;
import io.funnelql.reference.KeyGroup;
import io.funnelql.reference.KeyGrouping;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A next or previous node report (ClickHouse's sequenceNextNode, duckdb-behavioral's
 * sequence_next_node as it now computes it): per key, its events ordered by time, then value
 * (NULLs first), then base condition and condition bits (duckdb-behavioral's tie order), then
 * the event order; one base event; the conditions matched at consecutive events from it; the
 * value of the event after (forward) or before (backward) the chain.
 */
public final class NodeExecutor implements QueryExecutor {
    private final SequenceQuery query;
    private final SequenceReport.Node node;
    private final List<List<Object>> perKey = new ArrayList<>();

    public NodeExecutor(SequenceQuery query, SequenceReport.Node node) {
        this.query = query;
        this.node = node;
    }

    @Override
    public void accumulate(QueryRows rows) {
        List<Expression> conditions = new ArrayList<>(query.conditions().stream().map(SequenceCondition::condition).toList());
        node.baseCondition().ifPresent(conditions::add);
        long[] masks = rows.masks(conditions, query.nullConditions());
        int chain = query.conditions().size();
        long chainBits = (1L << chain) - 1;
        ColumnValues values = rows.table().values(rows.table().columnIndex(node.value()));
        boolean skipsNullValues = query.profile() == Profile.CLICKHOUSE;
        for (KeyGroup group : KeyGrouping.group(rows.table(), query.partitionKey(), query.source().time(),
                row -> masks[row] >= 0)) {
            List<Integer> events = new ArrayList<>();
            for (int i = 0; i < group.size(); i++) {
                if (!(skipsNullValues && values.isNull(group.rows()[i]))) {
                    events.add(i);
                }
            }
            Comparator<Integer> byTime = Comparator.comparingLong(i -> group.times()[i]);
            // A stable sort: rows equal on all four keep the event order.
            events.sort(byTime.thenComparing((a, b) -> values.compare(group.rows()[a], group.rows()[b]))
                    .thenComparingLong(i -> baseHolds(masks[group.rows()[i]], chain) ? 1 : 0)
                    .thenComparingLong(i -> masks[group.rows()[i]] & chainBits));
            long[] eventMasks = events.stream().mapToLong(i -> masks[group.rows()[i]]).toArray();
            int result = nodeIndex(eventMasks, chain);
            List<Object> row = new ArrayList<>(group.key());
            row.add(result < 0 ? null : values.value(group.rows()[events.get(result)]));
            perKey.add(row);
        }
    }

    private boolean baseHolds(long mask, int chain) {
        return node.baseCondition().isEmpty() || (mask & (1L << chain)) != 0;
    }

    private static boolean holds(long mask, int condition) {
        return (mask & (1L << condition)) != 0;
    }

    /** The index of the event whose value is reported, or -1: ClickHouse's getBaseIndex and getNextNodeIndex. */
    private int nodeIndex(long[] masks, int chain) {
        int size = masks.length;
        int base = -1;
        switch (node.base()) {
            case HEAD -> base = size > 0 && baseHolds(masks[0], chain) ? 0 : -1;
            case TAIL -> base = size > 0 && baseHolds(masks[size - 1], chain) ? size - 1 : -1;
            case FIRST_MATCH -> {
                for (int i = 0; i < size && base < 0; i++) {
                    base = holds(masks[i], 0) && baseHolds(masks[i], chain) ? i : -1;
                }
            }
            case LAST_MATCH -> {
                for (int i = size - 1; i >= 0 && base < 0; i--) {
                    base = holds(masks[i], 0) && baseHolds(masks[i], chain) ? i : -1;
                }
            }
        }
        if (base < 0) {
            return -1;
        }
        int step = node.direction() == SequenceReport.Direction.FORWARD ? 1 : -1;
        for (int i = 0; i < chain; i++) {
            int at = base + step * i;
            if (at < 0 || at >= size || !holds(masks[at], i)) {
                return -1;
            }
        }
        int reported = base + step * chain;
        return reported >= 0 && reported < size ? reported : -1;
    }

    @Override
    public ResultTable finish() {
        List<String> columns = new ArrayList<>(query.partitionKey().stream().map(c -> c.name().value()).toList());
        columns.add(node.column());
        return ResultTable.sorted(columns, perKey);
    }
}
