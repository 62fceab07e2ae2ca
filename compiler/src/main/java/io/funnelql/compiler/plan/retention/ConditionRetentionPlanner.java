package io.funnelql.compiler.plan.retention;

import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.ExpressionTranslator;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dsl.model.ConditionRetentionQuery;
import io.funnelql.dsl.model.RetentionCondition;
import io.funnelql.dsl.model.RetentionReport;
import io.funnelql.dsl.model.expression.Expression;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.funnelql.compiler.plan.PlanHelpers.number;

/** ClickHouse's retention(c1, ..., cN): one aggregate per key, [c1, c1 and c2, ..., c1 and cN]. */
public final class ConditionRetentionPlanner {
    private ConditionRetentionPlanner() {}

    private static String condition(int index) {
        return "condition_" + index;
    }

    public static void plan(PlanContext<ConditionRetentionQuery> context, ExpressionTranslator translator) {
        ConditionRetentionQuery query = context.query();
        RelBuilder b = context.builder();
        Map<String, Expression> flags = new LinkedHashMap<>();
        query.conditions().forEach(c -> flags.put(condition(c.index()), c.condition()));
        EventsStage.Events events = EventsStage.build(context, translator, new EventsStage.Request(flags,
                query.conditions().stream().map(RetentionCondition::condition).toList(), query.nullConditions(), Map.of(), false));
        List<String> keys = events.keys();
        context.scan(events.stage());
        List<RelBuilder.AggCall> calls = new ArrayList<>();
        for (RetentionCondition c : query.conditions()) {
            calls.add(b.max(b.field(condition(c.index()))).as(condition(c.index())));
        }
        b.aggregate(b.groupKey(keys.stream().map(b::field).toList()), calls);
        Stage seen = context.addStage(ColumnNames.stageName(query, "conditions_seen"),
                "per key, whether each condition held on any event", List.of());
        context.scan(seen);
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        PlanHelpers.addReportKeys(b, query, keys, fields, names);
        for (RetentionCondition c : query.conditions()) {
            // Condition n counts only together with the first condition.
            fields.add(b.call(SqlStdOperatorTable.MULTIPLY, b.field(condition(1)), b.field(condition(c.index()))));
            names.add(c.name().value());
        }
        b.project(fields, names, true);
        if (query.report() == RetentionReport.PER_KEY) {
            List<RexNode> output = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                output.add(i < keys.size() ? b.field(i) : b.call(PortableFunctions.FLAG_AS_BOOLEAN, b.field(i)));
            }
            b.project(output, names, true);
            return;
        }
        Stage perKey = context.addStage(ColumnNames.stageName(query, "per_key"), "per key, [c1, c1 and c2, ...]", List.of());
        context.scan(perKey);
        List<RelBuilder.AggCall> totals = new ArrayList<>();
        for (RetentionCondition c : query.conditions()) {
            totals.add(b.sum(b.field(keys.size() + c.index() - 1)).as("total_" + c.index()));
        }
        b.aggregate(b.groupKey(), totals);
        Stage sums = context.addStage(ColumnNames.stageName(query, "totals"), "keys per condition", List.of());
        for (RetentionCondition c : query.conditions()) {
            context.scan(sums);
            b.project(List.of(number(b, c.index()), context.literalText(c.name().value()),
                            b.call(SqlStdOperatorTable.COALESCE, b.field("total_" + c.index()), number(b, 0))),
                    List.of("condition", "name", "keys"), true);
        }
        b.union(true, query.conditions().size());
    }
}
