package io.funnelql.reference.metric;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.MetricQuery;
import io.funnelql.dsl.model.RetentionPeriod;
import io.funnelql.reference.CalendarPeriods;
import io.funnelql.reference.KeyGroup;
import io.funnelql.reference.KeyGrouping;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.result.ResultTable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metric: per tenant and calendar period, the events that pass the filter, and per summed column
 * the events with a value and the sum of the values (an absent value is skipped, not read as 0;
 * with no value at all the sum is NULL). Double sums are rounded to 6 decimals, as in SQL, where
 * engines add in different orders.
 */
public final class MetricExecutor implements QueryExecutor {
    private final MetricQuery query;
    private final RetentionPeriod.Calendar period;
    private final List<List<Object>> rows = new ArrayList<>();

    public MetricExecutor(MetricQuery query) {
        this.query = query;
        this.period = new RetentionPeriod.Calendar(query.unit(), query.zone());
    }

    /** One period's running totals. */
    private static final class Totals {
        long events;
        final long[] counts;
        final long[] longSums;
        final double[] doubleSums;

        Totals(int columns) {
            counts = new long[columns];
            longSums = new long[columns];
            doubleSums = new double[columns];
        }
    }

    @Override
    public void accumulate(QueryRows batch) {
        List<KeyGroup> groups = KeyGrouping.group(batch.table(), query.partitionKey(), query.source().time(), batch::passesFilter);
        int[] sumColumns = query.sums().stream().mapToInt(batch.table()::columnIndex).toArray();
        for (KeyGroup group : groups) {
            Map<LocalDate, Totals> periods = new TreeMap<>();
            for (int position = 0; position < group.size(); position++) {
                int row = group.rows()[position];
                Totals totals = periods.computeIfAbsent(CalendarPeriods.calendarStart(period, group.times()[position]),
                        start -> new Totals(sumColumns.length));
                totals.events++;
                for (int i = 0; i < sumColumns.length; i++) {
                    Object value = batch.table().value(sumColumns[i], row);
                    if (value == null) {
                        continue;
                    }
                    totals.counts[i]++;
                    if (value instanceof Long number) {
                        totals.longSums[i] = Math.addExact(totals.longSums[i], number);
                    } else {
                        totals.doubleSums[i] += ((Number) value).doubleValue();
                    }
                }
            }
            for (Map.Entry<LocalDate, Totals> entry : periods.entrySet()) {
                List<Object> row = new ArrayList<>(group.key());
                row.add(entry.getKey());
                Totals totals = entry.getValue();
                row.add(totals.events);
                for (int i = 0; i < sumColumns.length; i++) {
                    row.add(totals.counts[i]);
                    row.add(totals.counts[i] == 0 ? null : sum(query.sums().get(i), totals, i));
                }
                rows.add(row);
            }
        }
    }

    private static Object sum(Column column, Totals totals, int index) {
        if (column.type() == DataType.BIGINT) {
            return totals.longSums[index];
        }
        return roundedSum(totals.doubleSums[index]);
    }

    /** What the SQL computes: FLOOR(sum × 10⁶ + 0.5) / 10⁶. */
    public static double roundedSum(double sum) {
        return Math.floor(sum * 1e6 + 0.5) / 1e6;
    }

    @Override
    public ResultTable finish() {
        List<String> columns = new ArrayList<>();
        query.partitionKey().forEach(column -> columns.add(column.name().value()));
        columns.add("period_start");
        columns.add("events");
        for (Column column : query.sums()) {
            columns.add(column.name().value() + "_count");
            columns.add(column.name().value() + "_sum");
        }
        return ResultTable.sorted(columns, rows);
    }
}
