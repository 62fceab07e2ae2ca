package io.funnelql.reference.retention;

import io.funnelql.dsl.model.ConditionRetentionQuery;
import io.funnelql.dsl.model.RetentionCondition;
import io.funnelql.dsl.model.RetentionReport;
import io.funnelql.reference.KeyGroup;
import io.funnelql.reference.KeyGrouping;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.result.ResultTable;

import java.util.ArrayList;
import java.util.List;

/**
 * ClickHouse's retention(c1, ..., cN): per key, the conditions that held on any of its rows,
 * OR-ed together, reported as [c1, c1 and c2, ..., c1 and cN].
 */
public final class ConditionRetentionExecutor implements QueryExecutor {
    private final ConditionRetentionQuery query;
    private final long[] totals;
    private final List<List<Object>> perKey = new ArrayList<>();

    public ConditionRetentionExecutor(ConditionRetentionQuery query) {
        this.query = query;
        this.totals = new long[query.conditions().size()];
    }

    @Override
    public void accumulate(QueryRows rows) {
        long[] masks = rows.masks(query.conditions().stream().map(RetentionCondition::condition).toList(),
                query.nullConditions());
        int count = query.conditions().size();
        for (KeyGroup group : KeyGrouping.group(rows.table(), query.partitionKey(), query.source().time(),
                row -> masks[row] >= 0)) {
            long seen = 0;
            for (int row : group.rows()) {
                seen |= masks[row];
            }
            List<Object> row = new ArrayList<>(group.key());
            boolean first = (seen & 1) != 0;
            for (int i = 0; i < count; i++) {
                boolean flag = first && (seen & (1L << i)) != 0;
                row.add(flag);
                totals[i] += flag ? 1 : 0;
            }
            perKey.add(row);
        }
    }

    @Override
    public ResultTable finish() {
        if (query.report() == RetentionReport.PER_KEY) {
            List<String> columns = new ArrayList<>(query.partitionKey().stream().map(c -> c.name().value()).toList());
            query.conditions().forEach(condition -> columns.add(condition.name().value()));
            return ResultTable.sorted(columns, perKey);
        }
        List<List<Object>> result = new ArrayList<>();
        for (RetentionCondition condition : query.conditions()) {
            result.add(ResultTable.row((long) condition.index(), condition.name().value(), totals[condition.index() - 1]));
        }
        return ResultTable.sorted(List.of("condition", "name", "keys"), result);
    }
}
