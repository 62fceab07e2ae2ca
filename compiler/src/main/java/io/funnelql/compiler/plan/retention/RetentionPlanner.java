package io.funnelql.compiler.plan.retention;

import io.funnelql.compiler.plan.CalendarPeriods;
import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.ExpressionTranslator;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.ReportShapes;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dsl.model.CohortKind;
import io.funnelql.dsl.model.Micros;
import io.funnelql.dsl.model.RetentionPeriod;
import io.funnelql.dsl.model.RetentionQuery;
import io.funnelql.dsl.model.RetentionReport;
import io.funnelql.dsl.model.ReturnMatch;
import io.funnelql.dsl.model.expression.Expression;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.funnelql.compiler.plan.PlanHelpers.flag;
import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.number;

/**
 * Cohort retention. Calendar periods: return activity is first aggregated to one row per (key,
 * period) holding the period's last return event, then joined once to the key's cohorts and
 * folded into one 0/1 column per offset by conditional aggregation — never a join per offset.
 * Rolling periods are measured from each key's single cohort event, so returns join that one row.
 * A first-event cohort over calendar periods (the common question) reads the source twice, each
 * time by its own condition, as an analyst's query does: cohort rows grouped to each key's first
 * time, return rows grouped to each key's periods; the period is computed per return row only,
 * and no events stage is written out.
 */
public final class RetentionPlanner {
    private static final String COHORT = "cohort_event";
    private static final String RETURN = "return_event";

    private RetentionPlanner() {}

    public static void plan(PlanContext<RetentionQuery> context, ExpressionTranslator translator) {
        RetentionQuery query = context.query();
        RelBuilder b = context.builder();
        Map<String, Expression> flags = new LinkedHashMap<>();
        flags.put(COHORT, query.cohortCondition());
        flags.put(RETURN, query.returnCondition());
        // Every later stage reads only cohort or return rows, by time and period: no event order is
        // numbered (a sort of the whole table) and no other row is kept.
        EventsStage.Request request = new EventsStage.Request(flags,
                List.of(query.cohortCondition(), query.returnCondition()), query.nullConditions(), Map.of(), false, true,
                false);
        if (query.period() instanceof RetentionPeriod.Calendar calendarPeriod && query.cohortKind() != CohortKind.RECURRING) {
            context.strategy("cohort and activity aggregates", "a first-event cohort over calendar periods: the source "
                    + "read by each condition, cohort rows to each key's first time, return rows to one row per key and period, "
                    + "joined once");
            firstCohortByCalendar(context, translator, request, calendarPeriod);
            return;
        }
        context.strategy("periods stage", query.cohortKind() == CohortKind.RECURRING
                ? "recurring cohorts need every cohort row's period"
                : "rolling periods are measured from each key's cohort event, so return events join it one by one");
        EventsStage.Events events = EventsStage.build(context, translator, request);
        List<String> keys = events.keys();
        boolean calendar = query.period() instanceof RetentionPeriod.Calendar;

        // Each event's period number and the first day of that period (the cohort label).
        context.scan(events.stage());
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        String zone = calendar ? CalendarPeriods.zoneName(context, ((RetentionPeriod.Calendar) query.period()).zone()) : "UTC";
        RexNode date = CalendarPeriods.localDate(context, b.field(EventsStage.TIME), zone);
        RexNode day = b.call(PortableFunctions.EPOCH_DAY, date);
        if (calendar) {
            fields.add(CalendarPeriods.periodIndex(b, ((RetentionPeriod.Calendar) query.period()).unit(), date, day));
            names.add("period");
            fields.add(CalendarPeriods.periodStart(b, ((RetentionPeriod.Calendar) query.period()).unit(), date, day));
        } else {
            fields.add(date);
        }
        names.add("period_start");
        b.project(fields, names, true);
        Stage periods = context.addStage(ColumnNames.stageName(query, "periods"),
                calendar ? "each event's " + ((RetentionPeriod.Calendar) query.period()).unit().name().toLowerCase(Locale.ROOT)
                        + " in " + zone : "each event's UTC date", List.of());

        // Cohort memberships: the first cohort event, or the first of each period for recurring cohorts.
        context.scan(periods);
        b.filter(isSet(b, b.field(COHORT)));
        List<RexNode> group = new ArrayList<>(keys.stream().map(b::field).toList());
        boolean recurring = query.cohortKind() == CohortKind.RECURRING;
        if (recurring) {
            group.add(b.field("period"));
        }
        // A first cohort over calendar periods took firstCohortByCalendar: here a calendar period is a recurring one.
        b.aggregate(b.groupKey(group), b.min(b.field(EventsStage.MICROS)).as("cohort_micros"),
                b.min(b.field("period_start")).as("cohort"));
        if (recurring) {
            List<RexNode> renamed = new ArrayList<>(b.fields());
            List<String> renamedNames = new ArrayList<>(b.peek().getRowType().getFieldNames());
            renamedNames.set(keys.size(), "cohort_period");
            b.project(renamed, renamedNames, true);
        }
        // Calcite derives no key through the renaming projection, so the recurring grain is declared.
        List<Stage.DeclaredKey> cohortKey = List.of();
        if (recurring) {
            List<String> columns = new ArrayList<>(keys);
            columns.add("cohort_period");
            cohortKey = List.of(new Stage.DeclaredKey(columns, "grouped by key and period"));
        }
        Stage cohorts = context.addStage(ColumnNames.stageName(query, "cohorts"),
                recurring ? "each key's first cohort event in every period" : "each key's first cohort event", cohortKey);

        Stage returns;
        if (calendar) {
            context.scan(periods);
            b.filter(isSet(b, b.field(RETURN)));
            List<RexNode> activityGroup = new ArrayList<>(keys.stream().map(b::field).toList());
            activityGroup.add(b.field("period"));
            b.aggregate(b.groupKey(activityGroup), b.max(b.field(EventsStage.MICROS)).as("last_return_micros"));
            returns = context.addStage(ColumnNames.stageName(query, "activity"),
                    "one row per key and period with a return event", List.of());
        } else {
            context.scan(periods);
            b.filter(isSet(b, b.field(RETURN)));
            returns = context.addStage(ColumnNames.stageName(query, "return_events"), "return events", List.of());
        }

        int width = cohorts.plan().getRowType().getFieldCount();
        List<String> returnFields = returns.plan().getRowType().getFieldNames();
        context.scan(cohorts);
        context.scan(returns);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        // Returns count only at or after the cohort event's time.
        on.add(b.greaterThanOrEqual(b.field(2, 1, calendar ? "last_return_micros" : EventsStage.MICROS),
                b.field(2, 0, "cohort_micros")));
        if (calendar) {
            addPeriodRange(context, on);
        }
        b.join(JoinRelType.LEFT, on);
        RexNode offset;
        if (calendar) {
            offset = b.call(SqlStdOperatorTable.MINUS, b.field(width + returnFields.indexOf("period")), b.field("cohort_period"));
        } else {
            long length = Micros.of(((RetentionPeriod.Rolling) query.period()).length());
            offset = b.call(PortableFunctions.INTEGER_QUOTIENT, b.call(SqlStdOperatorTable.MINUS,
                    b.field(width + returnFields.indexOf(EventsStage.MICROS)), b.field("cohort_micros")), number(b, length));
        }
        Stage memberships = memberships(context, width, offset);
        report(context, memberships, keys);
    }

    /**
     * Each key's first cohort event and its calendar periods with a return, each read from the
     * source by its own condition; joined once on the key, returns in the offsets' range at or
     * after the cohort event's time, and folded into one 0/1 column per offset. Times are
     * compared as timestamps: no epoch arithmetic per row.
     */
    private static void firstCohortByCalendar(PlanContext<RetentionQuery> context, ExpressionTranslator translator,
            EventsStage.Request request, RetentionPeriod.Calendar period) {
        RetentionQuery query = context.query();
        RelBuilder b = context.builder();
        List<String> keys = EventsStage.keyNames(context);
        String zone = CalendarPeriods.zoneName(context, period.zone());

        EventsStage.pushConditionRows(context, translator, request, query.cohortCondition());
        b.aggregate(b.groupKey(keys.stream().map(b::field).toList()), b.min(b.field(EventsStage.TIME)).as("cohort_time"));
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        RexNode cohortDate = CalendarPeriods.localDate(context, b.field("cohort_time"), zone);
        RexNode cohortDay = b.call(PortableFunctions.EPOCH_DAY, cohortDate);
        fields.add(CalendarPeriods.periodStart(b, period.unit(), cohortDate, cohortDay));
        names.add("cohort");
        fields.add(CalendarPeriods.periodIndex(b, period.unit(), cohortDate, cohortDay));
        names.add("cohort_period");
        b.project(fields, names, true);
        Stage cohorts = context.addStage(ColumnNames.stageName(query, "cohorts"),
                "each key's first cohort event and its " + period.unit().name().toLowerCase(Locale.ROOT) + " in " + zone,
                List.of(new Stage.DeclaredKey(keys, "grouped by the key")));

        EventsStage.pushConditionRows(context, translator, request, query.returnCondition());
        fields = new ArrayList<>(keys.stream().map(b::field).toList());
        names = new ArrayList<>(keys);
        fields.add(b.field(EventsStage.TIME));
        names.add(EventsStage.TIME);
        RexNode date = CalendarPeriods.localDate(context, b.field(EventsStage.TIME), zone);
        fields.add(CalendarPeriods.periodIndex(b, period.unit(), date, b.call(PortableFunctions.EPOCH_DAY, date)));
        names.add("period");
        b.project(fields, names, true);
        List<RexNode> activityGroup = new ArrayList<>(keys.stream().map(b::field).toList());
        activityGroup.add(b.field("period"));
        b.aggregate(b.groupKey(activityGroup), b.max(b.field(EventsStage.TIME)).as("last_return_time"));
        Stage activity = context.addStage(ColumnNames.stageName(query, "activity"),
                "one row per key and " + period.unit().name().toLowerCase(Locale.ROOT) + " with a return event", List.of());

        int width = cohorts.plan().getRowType().getFieldCount();
        context.scan(cohorts);
        context.scan(activity);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        // Returns count only at or after the cohort event's time.
        on.add(b.greaterThanOrEqual(b.field(2, 1, "last_return_time"), b.field(2, 0, "cohort_time")));
        addPeriodRange(context, on);
        b.join(JoinRelType.LEFT, on);
        RexNode offset = b.call(SqlStdOperatorTable.MINUS, b.field(width + keys.size()), b.field("cohort_period"));
        report(context, memberships(context, width, offset), keys);
    }

    /**
     * Join conditions of cohorts (left) and activity periods (right): periods from the cohort's
     * on, and with {@code returning on} none past the last offset, which count for nothing:
     * bounding the range keeps a key with many recurring cohorts from meeting every later period
     * of its activity.
     */
    private static void addPeriodRange(PlanContext<RetentionQuery> context, List<RexNode> on) {
        RetentionQuery query = context.query();
        RelBuilder b = context.builder();
        on.add(b.greaterThanOrEqual(b.field(2, 1, "period"), b.field(2, 0, "cohort_period")));
        if (query.returnMatch() == ReturnMatch.ON) {
            int lastOffset = query.offsets().stream().mapToInt(Integer::intValue).max().orElse(0);
            on.add(b.lessThanOrEqual(b.field(2, 1, "period"),
                    b.call(SqlStdOperatorTable.PLUS, b.field(2, 0, "cohort_period"), number(b, lastOffset))));
        }
    }

    /** The joined cohort and return rows folded into one row per cohort membership (its first {@code width} columns) with a 0/1 column per offset. */
    private static Stage memberships(PlanContext<RetentionQuery> context, int width, RexNode offset) {
        RetentionQuery query = context.query();
        RelBuilder b = context.builder();
        List<RexNode> membership = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            membership.add(b.field(i));
        }
        List<RelBuilder.AggCall> returned = new ArrayList<>();
        for (int wanted : query.offsets()) {
            RexNode matches = query.returnMatch() == ReturnMatch.ON ? b.equals(offset, number(b, wanted))
                    : b.greaterThanOrEqual(offset, number(b, wanted));
            returned.add(b.max(flag(b, matches)).as("returned_" + wanted));
        }
        b.aggregate(b.groupKey(membership), returned);
        return context.addStage(ColumnNames.stageName(query, "returns"),
                "each cohort membership with a 0/1 column per offset", List.of());
    }

    private static void report(PlanContext<RetentionQuery> context, Stage memberships, List<String> keys) {
        if (context.query().report() == RetentionReport.PER_KEY) {
            perKey(context, memberships, keys);
        } else {
            cohortTable(context, memberships);
        }
    }

    private static void perKey(PlanContext<RetentionQuery> context, Stage memberships, List<String> keys) {
        RetentionQuery query = context.query();
        RelBuilder b = context.builder();
        context.scan(memberships);
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        PlanHelpers.addReportKeys(b, query, keys, fields, names);
        fields.add(b.field("cohort"));
        names.add("cohort");
        for (int wanted : query.offsets()) {
            fields.add(b.call(PortableFunctions.FLAG_AS_BOOLEAN,
                    b.call(SqlStdOperatorTable.COALESCE, b.field("returned_" + wanted), number(b, 0))));
            names.add("returned_" + wanted);
        }
        b.project(fields, names, true);
    }

    private static void cohortTable(PlanContext<RetentionQuery> context, Stage memberships) {
        RetentionQuery query = context.query();
        RelBuilder b = context.builder();
        context.scan(memberships);
        List<RelBuilder.AggCall> calls = new ArrayList<>();
        calls.add(b.count().as("cohort_size"));
        for (int wanted : query.offsets()) {
            calls.add(b.sum(b.call(SqlStdOperatorTable.COALESCE, b.field("returned_" + wanted), number(b, 0)))
                    .as("returned_" + wanted));
        }
        b.aggregate(b.groupKey(b.field("cohort")), calls);
        Stage sizes = context.addStage(ColumnNames.stageName(query, "cohort_sizes"),
                "per cohort: its size and how many returned at each offset", List.of());
        for (int wanted : query.offsets()) {
            context.scan(sizes);
            RexNode returned = b.field("returned_" + wanted);
            b.project(List.of(b.field("cohort"), number(b, wanted), b.field("cohort_size"), returned,
                            ReportShapes.percent(b, returned, b.field("cohort_size"))),
                    List.of("cohort", "offset", "cohort_size", "returned", "percentage"), true);
        }
        b.union(true, query.offsets().size());
    }
}
