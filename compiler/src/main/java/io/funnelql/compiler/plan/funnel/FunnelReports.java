package io.funnelql.compiler.plan.funnel;

import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.ReportShapes;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dsl.model.EntryPolicy;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelReport;
import io.funnelql.dsl.model.Step;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;

import static io.funnelql.compiler.plan.PlanHelpers.flag;
import static io.funnelql.compiler.plan.PlanHelpers.number;

/** The funnel's report from the attempt shape: per key, steps with conversions, or time to convert. */
final class FunnelReports {
    private FunnelReports() {}

    static void build(PlanContext<FunnelQuery> context, Stage attempts, List<String> keys) {
        FunnelQuery query = context.query();
        switch (query.report()) {
            case PER_KEY -> perKey(context, attempts, keys);
            case STEPS -> steps(context, attempts);
            case TIME_TO_CONVERT -> timeToConvert(context, attempts);
        }
    }

    private static void perKey(PlanContext<FunnelQuery> context, Stage attempts, List<String> keys) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        context.scan(attempts);
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        PlanHelpers.addReportKeys(b, query, keys, fields, names);
        if (query.entry() == EntryPolicy.EVERY) {
            fields.add(b.field(AttemptColumns.ENTRY_TIME));
            names.add(FunnelQuery.ENTRY_TIME);
        }
        query.breakdownColumnName().ifPresent(name -> {
            fields.add(b.field(FunnelPlanner.BREAKDOWN));
            names.add(name);
        });
        RexNode level = b.field(AttemptColumns.LEVEL);
        fields.add(level);
        names.add(query.report().columns().get(0));
        List<RexNode> stepNames = new ArrayList<>();
        for (Step step : query.steps()) {
            stepNames.add(b.equals(level, number(b, step.index())));
            stepNames.add(context.literalText(step.name().value()));
        }
        stepNames.add(context.nullText());
        fields.add(b.call(SqlStdOperatorTable.CASE, stepNames));
        names.add(query.report().columns().get(1));
        b.project(fields, names, true);
    }

    private static void steps(PlanContext<FunnelQuery> context, Stage attempts) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        boolean broken = query.breakdown().isPresent();
        context.scan(attempts);
        b.filter(b.greaterThanOrEqual(b.field(AttemptColumns.LEVEL), number(b, 1)));
        List<RelBuilder.AggCall> counts = new ArrayList<>();
        for (Step step : query.steps()) {
            counts.add(b.sum(flag(b, b.greaterThanOrEqual(b.field(AttemptColumns.LEVEL), number(b, step.index()))))
                    .as(reached(step.index())));
        }
        b.aggregate(broken ? b.groupKey(b.field(FunnelPlanner.BREAKDOWN)) : b.groupKey(), counts);
        Stage reached = context.addStage(ColumnNames.stageName(query, "reached"), "attempts that reached each step",
                List.of());
        stepCounts(context, reached, true);
    }

    /** Whether the steps report can count each step's stage instead of reading attempts: nothing changes a level after the chain. */
    static boolean countsStepStages(FunnelQuery query) {
        return query.report() == FunnelReport.STEPS && query.breakdown().isEmpty() && query.exclusions().isEmpty();
    }

    /**
     * The steps report from one stage per step whose rows are the keys that reached it ({@link
     * AggregateChain#stepStages}): each count is a stage's row count, as an analyst writes
     * {@code (SELECT COUNT(*) FROM carted)}, with no attempt rows joined back together. The
     * previous and the first step's counts come from the row before and the first row.
     */
    static void stepsFromStageCounts(PlanContext<FunnelQuery> context, List<Stage> stepStages) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        List<String> columns = query.report().columns().subList(0, 3);
        for (Step step : query.steps()) {
            context.scan(stepStages.get(step.index() - 1));
            b.aggregate(b.groupKey(), b.countStar(columns.get(2)));
            b.project(List.of(number(b, step.index()), context.literalText(step.name().value()), b.field(0)), columns, true);
        }
        b.union(true, query.steps().size());
        Stage counts = context.addStage(ColumnNames.stageName(query, "step_counts"), "one row per step: the keys that reached it",
                List.of());
        context.scan(counts);
        RexNode step = b.field(columns.get(0));
        List<RexNode> fields = new ArrayList<>(b.fields());
        fields.add(b.aggregateCall(SqlStdOperatorTable.LAG, b.field(columns.get(2))).over().orderBy(step).toRex());
        // Over the rows before this one: the first step's count, and none for the first step itself.
        fields.add(b.aggregateCall(SqlStdOperatorTable.FIRST_VALUE, b.field(columns.get(2))).over().orderBy(step)
                .rowsBetween(RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.preceding(number(b, 1))).toRex());
        List<String> names = new ArrayList<>(columns);
        names.addAll(List.of("previous_count", "first_count"));
        b.project(fields, names, true);
        // A stage of its own: Calcite's converter would copy each window into every use in the conversions.
        Stage divisors = context.addStage(ColumnNames.stageName(query, "steps"),
                "each step's count with the previous step's and the first step's", List.of());
        context.scan(divisors);
        conversions(b, query, columns.size());
    }

    private static String reached(int step) {
        return "reached_" + step;
    }

    /** One row per step with its count, the previous step's and the first's, then the report's conversions. */
    private static void stepCounts(PlanContext<FunnelQuery> context, Stage reached, boolean nullWhenNone) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        boolean broken = query.breakdown().isPresent();
        // One row per step with the counts its conversions divide by, so that the rounding
        // arithmetic is written once in the final SELECT and not twice per step.
        List<String> columns = new ArrayList<>();
        if (broken) {
            columns.add(query.breakdownColumnName().orElseThrow());
        }
        columns.addAll(query.report().columns().subList(0, 3));
        columns.add("previous_count");
        columns.add("first_count");
        for (Step step : query.steps()) {
            context.scan(reached);
            List<RexNode> fields = new ArrayList<>();
            if (broken) {
                fields.add(b.field(FunnelPlanner.BREAKDOWN));
            }
            fields.addAll(List.of(number(b, step.index()), context.literalText(step.name().value()),
                    reachedCount(b, step.index(), nullWhenNone)));
            if (step.index() == 1) {
                // The first step converts from nothing: NULL counts make both conversions NULL.
                RexNode none = b.getRexBuilder().makeNullLiteral(reachedCount(b, 1, nullWhenNone).getType());
                fields.add(none);
                fields.add(none);
            } else {
                fields.add(reachedCount(b, step.index() - 1, nullWhenNone));
                fields.add(reachedCount(b, 1, nullWhenNone));
            }
            b.project(fields, columns, true);
        }
        b.union(true, query.steps().size());
        Stage stepCounts = context.addStage(ColumnNames.stageName(query, "step_counts"),
                "one row per step: its count, the previous step's and the first step's", List.of());
        context.scan(stepCounts);
        conversions(b, query, columns.size() - 2);
    }

    /** The report from the relation on top, whose first {@code reported} columns are the report's and whose last two are the counts the conversions divide by. */
    private static void conversions(RelBuilder b, FunnelQuery query, int reported) {
        List<String> columns = b.peek().getRowType().getFieldNames();
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < reported; i++) {
            fields.add(b.field(i));
            names.add(columns.get(i));
        }
        RexNode count = b.field(query.report().columns().get(2));
        fields.add(ReportShapes.percent(b, count, b.field("previous_count")));
        fields.add(ReportShapes.percent(b, count, b.field("first_count")));
        names.addAll(query.report().columns().subList(3, 5));
        b.project(fields, names, true);
    }

    /** A SUM over no attempts is NULL where the count is 0 ({@code nullWhenNone}); a COUNT never is. */
    private static RexNode reachedCount(RelBuilder b, int step, boolean nullWhenNone) {
        RexNode count = b.field(reached(step));
        return nullWhenNone ? b.call(SqlStdOperatorTable.COALESCE, count, number(b, 0)) : count;
    }

    private static void timeToConvert(PlanContext<FunnelQuery> context, Stage attempts) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        boolean broken = query.breakdown().isPresent();
        context.scan(attempts);
        b.filter(b.greaterThanOrEqual(b.field(AttemptColumns.LEVEL), number(b, 2)));
        List<RexNode> lastTime = new ArrayList<>();
        for (int step = 2; step <= query.steps().size(); step++) {
            lastTime.add(b.equals(b.field(AttemptColumns.LEVEL), number(b, step)));
            lastTime.add(b.field(AttemptColumns.micros(step)));
        }
        lastTime.add(b.getRexBuilder().makeNullLiteral(b.field(AttemptColumns.micros(1)).getType()));
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        if (broken) {
            fields.add(b.field(FunnelPlanner.BREAKDOWN));
            names.add(FunnelPlanner.BREAKDOWN);
        }
        fields.add(b.call(SqlStdOperatorTable.MINUS, lastTime.size() == 3 ? lastTime.get(1)
                : b.call(SqlStdOperatorTable.CASE, lastTime), b.field(AttemptColumns.micros(1))));
        names.add("convert_micros");
        b.project(fields, names, true);
        Stage conversions = context.addStage(ColumnNames.stageName(query, "conversions"),
                "time from first to last reached step, per converted attempt", List.of());
        context.scan(conversions);
        RexNode micros = b.field("convert_micros");
        b.aggregate(broken ? b.groupKey(b.field(FunnelPlanner.BREAKDOWN)) : b.groupKey(),
                b.count().as("converted"),
                b.sum(micros).as("total_micros"),
                b.aggregateCall(SqlStdOperatorTable.PERCENTILE_CONT, b.literal(0.5d)).sort(micros).as("median_micros"),
                b.aggregateCall(SqlStdOperatorTable.PERCENTILE_CONT, b.literal(0.9d)).sort(micros).as("p90_micros"));
        Stage summary = context.addStage(ColumnNames.stageName(query, "conversion_summary"),
                "count, total and percentiles of conversion times", List.of());
        context.scan(summary);
        List<RexNode> output = new ArrayList<>();
        List<String> outputNames = new ArrayList<>();
        if (broken) {
            output.add(b.field(FunnelPlanner.BREAKDOWN));
            outputNames.add(query.breakdownColumnName().orElseThrow());
        }
        output.add(b.field("converted"));
        output.add(ReportShapes.averageSeconds(b, b.field("total_micros"), b.field("converted")));
        output.add(ReportShapes.seconds(b, b.field("median_micros")));
        output.add(ReportShapes.seconds(b, b.field("p90_micros")));
        outputNames.addAll(query.report().columns());
        b.project(output, outputNames, true);
    }
}
