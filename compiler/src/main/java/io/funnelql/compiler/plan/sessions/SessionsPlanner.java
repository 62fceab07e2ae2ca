package io.funnelql.compiler.plan.sessions;

import io.funnelql.compiler.CompilationException;
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
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.dsl.model.SessionsReport;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.funnelql.compiler.plan.PlanHelpers.flag;
import static io.funnelql.compiler.plan.PlanHelpers.number;
import static io.funnelql.compiler.plan.PlanHelpers.when;

/**
 * Sessions with window functions only: repeated event ids dropped (first occurrence kept), a
 * LAG per key marks events more than the gap after the previous one, a running SUM numbers the
 * sessions, and one aggregate per session builds the report.
 */
public final class SessionsPlanner {
    private static final String EVENT_ID = "event_id_value";
    private static final String EVENT_NAME = "event_name_value";

    private SessionsPlanner() {}

    public static void plan(PlanContext context, ExpressionTranslator translator) {
        SessionsQuery query = (SessionsQuery) context.query();
        if (query.maxLength().isPresent()) {
            throw new CompilationException("sessions with a max length are not compiled to SQL yet (for "
                    + context.target().productName() + " or any dialect): a session's end depends on where the previous "
                    + "one was cut; run it with --engine reference");
        }
        RelBuilder b = context.builder();
        Map<String, Column> carried = new LinkedHashMap<>();
        query.source().eventId().ifPresent(column -> carried.put(EVENT_ID, column));
        query.source().eventName().ifPresent(column -> carried.put(EVENT_NAME, column));
        EventsStage.Events events = EventsStage.build(context, translator,
                new EventsStage.Request(Map.of(), List.of(), io.funnelql.dsl.model.NullConditionPolicy.FALSE, carried, true));
        List<String> keys = events.keys();
        Stage current = events.stage();
        if (query.source().eventId().isPresent()) {
            context.scan(current);
            List<RexNode> partition = new ArrayList<>(keys.stream().map(b::field).toList());
            partition.add(b.field(EVENT_ID));
            List<RexNode> fields = new ArrayList<>(b.fields());
            List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
            fields.add(b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over().partitionBy(partition)
                    .orderBy(b.field(EventsStage.ORDER)).rowsUnbounded().toRex());
            names.add("id_occurrence");
            b.project(fields, names, true);
            Stage numbered = context.addStage(ColumnNames.stageName(query, "event_id_occurrences"),
                    "each event id's occurrences numbered in event order", List.of());
            context.scan(numbered);
            b.filter(b.or(b.isNull(b.field(EVENT_ID)), b.equals(b.field("id_occurrence"), number(b, 1))));
            b.project(b.fields().subList(0, b.fields().size() - 1));
            current = context.addStage(ColumnNames.stageName(query, "distinct_events"),
                    "repeated event ids dropped, the first occurrence kept", List.of());
        }
        context.scan(current);
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        RexNode previous = b.aggregateCall(SqlStdOperatorTable.LAG, b.field(EventsStage.MICROS)).over()
                .partitionBy(keys.stream().map(b::field).toList()).orderBy(b.field(EventsStage.ORDER)).toRex();
        fields.add(previous);
        names.add("previous_micros");
        b.project(fields, names, true);
        Stage gaps = context.addStage(ColumnNames.stageName(query, "gaps"), "each event with the previous event's time", List.of());

        context.scan(gaps);
        fields = new ArrayList<>(b.fields());
        names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        long gap = query.gap().toNanos() / 1000;
        RexNode starts = flag(b, b.or(b.isNull(b.field("previous_micros")), b.greaterThan(
                b.call(SqlStdOperatorTable.MINUS, b.field(EventsStage.MICROS), b.field("previous_micros")), number(b, gap))));
        fields.add(b.aggregateCall(SqlStdOperatorTable.SUM, starts).over()
                .partitionBy(keys.stream().map(b::field).toList()).orderBy(b.field(EventsStage.ORDER))
                .rowsTo(org.apache.calcite.rex.RexWindowBounds.CURRENT_ROW).toRex());
        names.add("session_number");
        b.project(fields, names, true);
        Stage numbered = context.addStage(ColumnNames.stageName(query, "sessions"),
                "sessions numbered by a running count of gaps longer than " + query.gap(), List.of());

        if (query.report() == SessionsReport.EVENTS) {
            eventsReport(context, numbered, keys);
        } else {
            sessionsReport(context, numbered, keys);
        }
    }

    private static void eventsReport(PlanContext context, Stage numbered, List<String> keys) {
        SessionsQuery query = (SessionsQuery) context.query();
        RelBuilder b = context.builder();
        context.scan(numbered);
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        PlanHelpers.addReportKeys(b, query, keys, fields, names);
        fields.add(b.field(EventsStage.TIME));
        names.add(query.source().time().name().value());
        query.source().eventId().ifPresent(column -> {
            fields.add(b.field(EVENT_ID));
            names.add(column.name().value());
        });
        query.source().eventName().ifPresent(column -> {
            fields.add(b.field(EVENT_NAME));
            names.add(column.name().value());
        });
        fields.add(b.cast(b.field("session_number"), org.apache.calcite.sql.type.SqlTypeName.BIGINT));
        names.add("session_number");
        b.project(fields, names, true);
    }

    private static void sessionsReport(PlanContext context, Stage numbered, List<String> keys) {
        SessionsQuery query = (SessionsQuery) context.query();
        RelBuilder b = context.builder();
        boolean named = query.source().eventName().isPresent();
        Stage bounded = numbered;
        List<RexNode> sessionKey = new ArrayList<>();
        if (named) {
            context.scan(numbered);
            sessionKey.addAll(keys.stream().map(b::field).toList());
            sessionKey.add(b.field("session_number"));
            List<RexNode> fields = new ArrayList<>(b.fields());
            List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
            // An ORDER BY with a whole-partition frame: Oracle rejects a frame without ORDER BY (ORA-30485).
            fields.add(b.aggregateCall(SqlStdOperatorTable.MIN, b.field(EventsStage.ORDER)).over().partitionBy(sessionKey)
                    .orderBy(b.field(EventsStage.ORDER)).rowsUnbounded().toRex());
            names.add("first_order");
            fields.add(b.aggregateCall(SqlStdOperatorTable.MAX, b.field(EventsStage.ORDER)).over().partitionBy(sessionKey)
                    .orderBy(b.field(EventsStage.ORDER)).rowsUnbounded().toRex());
            names.add("last_order");
            b.project(fields, names, true);
            bounded = context.addStage(ColumnNames.stageName(query, "session_bounds"),
                    "each event with its session's first and last event order", List.of());
        }
        context.scan(bounded);
        List<RexNode> group = new ArrayList<>(keys.stream().map(b::field).toList());
        group.add(b.field("session_number"));
        List<RelBuilder.AggCall> calls = new ArrayList<>(List.of(
                b.min(b.field(EventsStage.TIME)).as("session_start"),
                b.max(b.field(EventsStage.TIME)).as("session_end"),
                b.min(b.field(EventsStage.MICROS)).as("start_micros"),
                b.max(b.field(EventsStage.MICROS)).as("end_micros"),
                b.count().as("event_count")));
        if (named) {
            calls.add(b.max(when(b, b.equals(b.field(EventsStage.ORDER), b.field("first_order")), b.field(EVENT_NAME))).as("first_event"));
            calls.add(b.max(when(b, b.equals(b.field(EventsStage.ORDER), b.field("last_order")), b.field(EVENT_NAME))).as("last_event"));
        }
        b.aggregate(b.groupKey(group), calls);
        Stage sessions = context.addStage(ColumnNames.stageName(query, "session_summary"), "one row per session", List.of());
        context.scan(sessions);
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        PlanHelpers.addReportKeys(b, query, keys, fields, names);
        fields.add(b.cast(b.field("session_number"), org.apache.calcite.sql.type.SqlTypeName.BIGINT));
        names.add("session_number");
        fields.add(sessionId(context, query, keys));
        names.add("session_id");
        fields.add(b.field("session_start"));
        names.add("session_start");
        fields.add(b.field("session_end"));
        names.add("session_end");
        fields.add(ReportShapes.seconds(b, b.call(SqlStdOperatorTable.MINUS, b.field("end_micros"), b.field("start_micros"))));
        names.add("duration_seconds");
        fields.add(b.field("event_count"));
        names.add("event_count");
        if (named) {
            fields.add(b.field("first_event"));
            names.add("first_event");
            fields.add(b.field("last_event"));
            names.add("last_event");
        }
        b.project(fields, names, true);
    }

    /** The key's values and the session's start, joined by "/": stable when later events of the session arrive. */
    private static RexNode sessionId(PlanContext context, SessionsQuery query, List<String> keys) {
        RelBuilder b = context.builder();
        RexNode id = null;
        List<Column> columns = query.partitionKey();
        for (int i = 0; i < keys.size(); i++) {
            RexNode value = columns.get(i).type() == DataType.VARCHAR ? b.field(keys.get(i))
                    : b.call(PortableFunctions.TEXT, b.field(keys.get(i)));
            id = id == null ? value : concat(context, id, value);
        }
        return concat(context, id, b.call(PortableFunctions.TIMESTAMP_TEXT, b.field("session_start")));
    }

    private static RexNode concat(PlanContext context, RexNode left, RexNode right) {
        RelBuilder b = context.builder();
        return b.call(SqlStdOperatorTable.CONCAT, b.call(SqlStdOperatorTable.CONCAT, left, context.literalText("/")), right);
    }
}
