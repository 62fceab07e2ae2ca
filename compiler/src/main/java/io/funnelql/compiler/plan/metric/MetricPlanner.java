package io.funnelql.compiler.plan.metric;

import io.funnelql.compiler.plan.CalendarPeriods;
import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.ExpressionTranslator;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.ReportShapes;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.MetricQuery;
import io.funnelql.dsl.model.NullConditionPolicy;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Metric: the events with their calendar period's first day, then one aggregate per tenant and
 * period. COUNT(column) and SUM(column) skip NULLs, which is the point: an absent value is not
 * a 0. A double sum is rounded to 6 decimals (engines add in different orders).
 */
public final class MetricPlanner {
    private MetricPlanner() {}

    public static void plan(PlanContext<MetricQuery> context, ExpressionTranslator translator) {
        MetricQuery query = context.query();
        RelBuilder b = context.builder();
        Map<String, Column> carried = new LinkedHashMap<>();
        for (int i = 0; i < query.sums().size(); i++) {
            carried.put("sum_value_" + i, query.sums().get(i));
        }
        EventsStage.Events events = EventsStage.build(context, translator,
                new EventsStage.Request(Map.of(), List.of(), NullConditionPolicy.FALSE, carried, false));
        List<String> keys = events.keys();

        context.scan(events.stage());
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        RexNode date = CalendarPeriods.localDate(context, b.field(EventsStage.TIME), CalendarPeriods.zoneName(context, query.zone()));
        fields.add(CalendarPeriods.periodStart(b, query.unit(), date, b.call(PortableFunctions.EPOCH_DAY, date)));
        names.add("period_start");
        b.project(fields, names, true);
        Stage periods = context.addStage(ColumnNames.stageName(query, "periods"),
                "each event with the first day of its " + query.unit().name().toLowerCase(Locale.ROOT), List.of());

        context.scan(periods);
        List<RexNode> group = new ArrayList<>(keys.stream().map(b::field).toList());
        group.add(b.field("period_start"));
        List<RelBuilder.AggCall> calls = new ArrayList<>();
        calls.add(b.count().as("events"));
        for (int i = 0; i < query.sums().size(); i++) {
            calls.add(b.count(false, "count_" + i, b.field("sum_value_" + i)));
            calls.add(b.sum(b.field("sum_value_" + i)).as("sum_" + i));
        }
        b.aggregate(b.groupKey(group), calls);
        Stage totals = context.addStage(ColumnNames.stageName(query, "totals"), "one row per tenant and period", List.of());

        context.scan(totals);
        fields = new ArrayList<>();
        names = new ArrayList<>();
        PlanHelpers.addReportKeys(b, query, keys, fields, names);
        fields.add(b.field("period_start"));
        names.add("period_start");
        fields.add(PlanHelpers.bigint(b, b.field("events")));
        names.add("events");
        for (int i = 0; i < query.sums().size(); i++) {
            Column column = query.sums().get(i);
            fields.add(PlanHelpers.bigint(b, b.field("count_" + i)));
            names.add(column.name().value() + "_count");
            RexNode sum = b.field("sum_" + i);
            fields.add(column.type() == DataType.BIGINT ? PlanHelpers.bigint(b, sum)
                    : ReportShapes.seconds(b, b.call(SqlStdOperatorTable.MULTIPLY, ReportShapes.toDouble(b, sum), b.literal(1_000_000.0d))));
            names.add(column.name().value() + "_sum");
        }
        b.project(fields, names, true);
    }
}
