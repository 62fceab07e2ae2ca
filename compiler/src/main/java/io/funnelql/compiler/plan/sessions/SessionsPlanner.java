package io.funnelql.compiler.plan.sessions;

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
import io.funnelql.dsl.model.Micros;
import io.funnelql.dsl.model.NullConditionPolicy;
import io.funnelql.dsl.model.SessionsQuery;
import io.funnelql.dsl.model.SessionsReport;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.funnelql.compiler.plan.PlanHelpers.flag;
import static io.funnelql.compiler.plan.PlanHelpers.number;
import static io.funnelql.compiler.plan.PlanHelpers.when;

/**
 * Sessions: repeated event ids dropped (first occurrence kept), a LAG per key marks events more
 * than the gap after the previous one, a running SUM numbers the sessions, and one aggregate per
 * session builds the report. With a max length, a walk over each gap session's cuts finds where
 * sessions start ({@link #cutSessions}); everything else stays window functions.
 */
public final class SessionsPlanner {
    private static final String EVENT_ID = "event_id_value";
    private static final String EVENT_NAME = "event_name_value";

    private static final String RESTART = "restart_time_value";
    private static final String NUMBER_OFFSET = "number_offset_value";

    private SessionsPlanner() {}

    /**
     * The two extra columns of the events an incremental batch recomputes (see
     * io.funnelql.compiler.incremental): per key, the first event time to sessionize again (a
     * session start) and how many sessions the key already has before it. Rows before the restart
     * are read only so that a repeated event id keeps its first occurrence.
     */
    public record Increment(Column restart, Column numberOffset) {}

    public static void plan(PlanContext<SessionsQuery> context, ExpressionTranslator translator) {
        plan(context, translator, Optional.empty());
    }

    public static void plan(PlanContext<SessionsQuery> context, ExpressionTranslator translator, Optional<Increment> increment) {
        SessionsQuery query = context.query();
        if (query.source().eventId().isEmpty() && increment.isEmpty() && query.maxLength().isEmpty()) {
            context.strategy("gap pass", "sessions cut by the gap alone over every event: LAG and LEAD in one event order "
                    + "mark each session's first and last event and a running SUM numbers the sessions; no event is numbered");
            gapPass(context, translator);
            return;
        }
        context.strategy("numbered events", query.source().eventId().isPresent()
                ? "repeated event ids keep their first occurrence, which needs each event's position in the key's order"
                : query.maxLength().isPresent() ? "a max length cuts sessions by a walk over each event's position"
                : "an incremental batch restarts each key's numbering from its stored sessions");
        RelBuilder b = context.builder();
        Map<String, Column> carried = new LinkedHashMap<>();
        query.source().eventId().ifPresent(column -> carried.put(EVENT_ID, column));
        query.source().eventName().ifPresent(column -> carried.put(EVENT_NAME, column));
        increment.ifPresent(columns -> {
            carried.put(RESTART, columns.restart());
            carried.put(NUMBER_OFFSET, columns.numberOffset());
        });
        EventsStage.Events events = EventsStage.build(context, translator,
                new EventsStage.Request(Map.of(), List.of(), NullConditionPolicy.FALSE, carried, true));
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
        if (increment.isPresent()) {
            context.scan(current);
            b.filter(b.greaterThanOrEqual(b.field(EventsStage.TIME), b.field(RESTART)));
            current = context.addStage(ColumnNames.stageName(query, "events_to_sessionize"),
                    "the events from each key's restart on (earlier rows only decided which repeated ids to drop)", List.of());
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

        Stage numbered = query.maxLength().isPresent()
                ? cutSessions(context, gaps, keys, Micros.of(query.maxLength().get()))
                : gapSessions(context, gaps, keys);
        if (query.report() == SessionsReport.EVENTS) {
            eventsReport(context, numbered, keys);
        } else {
            sessionsReport(context, numbered, keys, increment.isPresent());
        }
    }

    /**
     * Sessions cut by the gap alone over every event (no event ids to deduplicate, no batch): the
     * events are not numbered. One LAG and one LEAD in the event order mark each event that
     * starts or ends a session, a running SUM in the same order numbers the sessions, and one
     * aggregate per session builds the report, its first and last event being the ones marked.
     * The order is the time, then the source columns up to the event name, the only one a result
     * reads: tied events sort as the reference sorts them wherever the order shows. Each stage is
     * read once by the next and inlined, as an analyst's nested query is.
     */
    private static void gapPass(PlanContext<SessionsQuery> context, ExpressionTranslator translator) {
        SessionsQuery query = context.query();
        RelBuilder b = context.builder();
        Set<Column> read = new HashSet<>();
        query.source().eventName().ifPresent(read::add);
        List<Column> tieBreaks = EventsStage.tieBreakColumns(context, read, true);
        Map<String, Column> carried = new LinkedHashMap<>();
        query.source().eventName().ifPresent(column -> carried.put(EVENT_NAME, column));
        List<String> tieBreakNames = new ArrayList<>();
        for (Column column : tieBreaks) {
            String name = query.source().eventName().filter(column::equals).isPresent()
                    ? EVENT_NAME : "tie_break_" + (tieBreakNames.size() + 1);
            carried.put(name, column);
            tieBreakNames.add(name);
        }
        // Where the engine adds the gap to a timestamp exactly, neighbours' times are compared as
        // timestamps (as an analyst writes it) and no row's epoch microseconds are computed.
        boolean timestamps = context.target().addsMicrosToTimestamps(Micros.of(query.gap()));
        EventsStage.Request request = new EventsStage.Request(Map.of(), List.of(), NullConditionPolicy.FALSE, carried, false);
        EventsStage.Events events = EventsStage.build(context, translator, timestamps ? request.withoutMicros() : request);
        List<String> keys = events.keys();
        String time = timestamps ? EventsStage.TIME : EventsStage.MICROS;
        String previous = timestamps ? "previous_time" : "previous_micros";
        String next = timestamps ? "next_time" : "next_micros";

        context.scan(events.stage());
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        List<RexNode> partition = keys.stream().<RexNode>map(b::field).toList();
        List<RexNode> order = order(b, tieBreakNames, tieBreaks);
        fields.add(b.aggregateCall(SqlStdOperatorTable.LAG, b.field(time)).over()
                .partitionBy(partition).orderBy(order).toRex());
        names.add(previous);
        fields.add(b.aggregateCall(SqlStdOperatorTable.LEAD, b.field(time)).over()
                .partitionBy(partition).orderBy(order).toRex());
        names.add(next);
        b.project(fields, names, true);
        Stage gaps = context.addInlinedStage(ColumnNames.stageName(query, "gaps"),
                "each event with the previous and the next event's time in the key's event order", List.of());

        context.scan(gaps);
        fields = new ArrayList<>(b.fields());
        names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        fields.add(beyondGap(context, b.field(previous), b.field(previous), b.field(time), timestamps));
        names.add("starts_session");
        fields.add(beyondGap(context, b.field(next), b.field(time), b.field(next), timestamps));
        names.add("ends_session");
        fields.add(runningCount(b, keys, order(b, tieBreakNames, tieBreaks),
                beyondGap(context, b.field(previous), b.field(previous), b.field(time), timestamps)));
        names.add("session_number");
        b.project(fields, names, true);
        Stage numbered = context.addInlinedStage(ColumnNames.stageName(query, "sessions"),
                "sessions numbered by a running count of gaps longer than " + query.gap()
                        + ", each session's first and last event marked", List.of());
        if (query.report() == SessionsReport.EVENTS) {
            eventsReport(context, numbered, keys);
        } else {
            sessionsReport(context, numbered, keys, false);
        }
    }

    /** The key's event order over a stage that carries the time and the tie-break columns under {@code names}. */
    private static List<RexNode> order(RelBuilder b, List<String> names, List<Column> columns) {
        return EventsStage.orderKeys(b, b.field(EventsStage.TIME), names.stream().<RexNode>map(b::field).toList(), columns);
    }

    /** Whether the event starts a new session by the gap rule: the key's first event, or more than the gap after the previous one. */
    private static RexNode gapStart(PlanContext<SessionsQuery> context) {
        RelBuilder b = context.builder();
        return beyondGap(context, b.field("previous_micros"), b.field("previous_micros"), b.field(EventsStage.MICROS), false);
    }

    /**
     * 1 when there is no {@code neighbour} event, or {@code later} is more than the gap after
     * {@code earlier}; else 0. {@code timestamps}: the two are timestamps, else epoch microseconds.
     */
    private static RexNode beyondGap(PlanContext<SessionsQuery> context, RexNode neighbour, RexNode earlier, RexNode later,
            boolean timestamps) {
        RelBuilder b = context.builder();
        long gap = Micros.of(context.query().gap());
        RexNode beyond = timestamps
                ? b.greaterThan(later, b.call(PortableFunctions.TIMESTAMP_PLUS_MICROS, earlier, b.literal(gap)))
                : b.greaterThan(b.call(SqlStdOperatorTable.MINUS, later, earlier), number(b, gap));
        return flag(b, b.or(b.isNull(neighbour), beyond));
    }

    /** A running count of {@code flag} in the key's event order (the numbered order, or {@code order}). */
    private static RexNode runningCount(RelBuilder b, List<String> keys, RexNode flag) {
        return runningCount(b, keys, List.of(b.field(EventsStage.ORDER)), flag);
    }

    private static RexNode runningCount(RelBuilder b, List<String> keys, List<RexNode> order, RexNode flag) {
        return b.aggregateCall(SqlStdOperatorTable.SUM, flag).over()
                .partitionBy(keys.stream().map(b::field).toList()).orderBy(order)
                .rowsTo(RexWindowBounds.CURRENT_ROW).toRex();
    }

    /** Sessions cut by the gap only: a running count of gap starts numbers them. */
    private static Stage gapSessions(PlanContext<SessionsQuery> context, Stage gaps, List<String> keys) {
        SessionsQuery query = context.query();
        RelBuilder b = context.builder();
        context.scan(gaps);
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        fields.add(runningCount(b, keys, gapStart(context)));
        names.add("session_number");
        b.project(fields, names, true);
        return context.addStage(ColumnNames.stageName(query, "sessions"),
                "sessions numbered by a running count of gaps longer than " + query.gap(), List.of());
    }

    /**
     * Sessions cut by the gap and by the maximum length {@code maxLength} (microseconds). Inside
     * one gap session, the session that starts at event e ends before the first event more than
     * maxLength after e: a pointer per event (a window MIN over a RANGE frame that starts
     * maxLength + 1 after it). A recursive walk follows the pointers from each gap session's first
     * event, one session per iteration; each event then belongs to the last start at or before it.
     */
    private static Stage cutSessions(PlanContext<SessionsQuery> context, Stage gaps, List<String> keys, long maxLength) {
        SessionsQuery query = context.query();
        RelBuilder b = context.builder();
        context.scan(gaps);
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        fields.add(gapStart(context));
        names.add("gap_start");
        fields.add(runningCount(b, keys, gapStart(context)));
        names.add("gap_session");
        b.project(fields, names, true);
        Stage gapSessions = context.addStage(ColumnNames.stageName(query, "gap_sessions"),
                "sessions by the gap alone, numbered by a running count of gaps longer than " + query.gap(), List.of());

        List<String> eventKey = new ArrayList<>(keys);
        eventKey.add(EventsStage.ORDER);
        context.scan(gapSessions);
        fields = new ArrayList<>(b.fields());
        names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        List<RexNode> partition = new ArrayList<>(keys.stream().map(b::field).toList());
        partition.add(b.field("gap_session"));
        fields.add(b.aggregateCall(SqlStdOperatorTable.MIN, b.field(EventsStage.ORDER)).over()
                .partitionBy(partition)
                .orderBy(b.field(EventsStage.MICROS))
                .rangeBetween(RexWindowBounds.following(number(b, maxLength + 1)),
                        RexWindowBounds.UNBOUNDED_FOLLOWING)
                .toRex());
        names.add("next_start_order");
        b.project(fields, names, true);
        Stage cuts = context.addStage(ColumnNames.stageName(query, "session_cuts"),
                "each event with the first event of its gap session more than " + query.maxLength().get() + " after it",
                List.of(new Stage.DeclaredKey(eventKey, "one row per event, and event_order numbers each key's events")));

        List<String> startKey = new ArrayList<>(keys);
        startKey.add("start_order");
        context.scan(cuts);
        b.filter(PlanHelpers.isSet(b, b.field("gap_start")));
        List<RexNode> anchor = new ArrayList<>(keys.stream().map(b::field).toList());
        anchor.add(PlanHelpers.bigint(b, b.field(EventsStage.ORDER)));
        anchor.add(PlanHelpers.bigint(b, b.field("next_start_order")));
        List<String> walkNames = new ArrayList<>(startKey);
        walkNames.add("next_start_order");
        b.project(anchor, walkNames, true);
        PlanContext.Recursion walk = context.beginRecursiveStage(ColumnNames.stageName(query, "session_starts"),
                "every session's first event: each gap session's first event, then, one per iteration, the event its "
                        + "predecessor's pointer names",
                List.of(new Stage.DeclaredKey(startKey, "each event is reached at most once: a pointer names a later event of "
                        + "the same gap session, and each gap session has one chain")));
        context.scan(walk);
        context.scan(cuts);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(b.equals(b.field(2, 0, "next_start_order"), b.field(2, 1, EventsStage.ORDER)));
        b.join(JoinRelType.INNER, on);
        List<RexNode> step = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            step.add(b.field(i));
        }
        int walkWidth = walkNames.size();
        List<String> cutFields = cuts.plan().getRowType().getFieldNames();
        step.add(PlanHelpers.bigint(b, b.field(walkWidth + cutFields.indexOf(EventsStage.ORDER))));
        step.add(PlanHelpers.bigint(b, b.field(walkWidth + cutFields.indexOf("next_start_order"))));
        b.project(step, walkNames, true);
        Stage starts = context.addRecursiveStage(walk);

        // Each event's session: a running count of the starts at or before it. The starts are read
        // once, appended to the events with UNION ALL (a start sorts before its own event): H2
        // re-runs a recursive CTE for every row that probes it in a join.
        context.scan(cuts);
        fields = new ArrayList<>(b.fields());
        fields.add(number(b, 0));
        names = new ArrayList<>(cutFields);
        names.add("is_start");
        b.project(fields, names, true);
        context.scan(starts);
        List<RexNode> startRows = new ArrayList<>();
        for (RelDataTypeField field : cuts.plan().getRowType().getFieldList()) {
            if (keys.contains(field.getName())) {
                startRows.add(b.field(field.getName()));
            } else if (field.getName().equals(EventsStage.ORDER)) {
                startRows.add(b.field("start_order"));
            } else {
                startRows.add(PlanHelpers.untypedNull(b));
            }
        }
        startRows.add(number(b, 1));
        b.project(startRows, names, true);
        b.union(true, 2);
        Stage marked = context.addStage(ColumnNames.stageName(query, "session_marks"),
                "the events and, before each session's first event, a row marking the start", List.of());

        context.scan(marked);
        fields = new ArrayList<>(b.fields());
        fields.add(b.aggregateCall(SqlStdOperatorTable.SUM, b.field("is_start")).over()
                .partitionBy(keys.stream().map(b::field).toList())
                .orderBy(b.field(EventsStage.ORDER), b.desc(b.field("is_start")))
                .rowsTo(RexWindowBounds.CURRENT_ROW).toRex());
        b.project(fields, withColumn(names, "session_number"), true);
        b.filter(b.equals(b.field("is_start"), number(b, 0)));
        fields = new ArrayList<>();
        for (String name : cutFields) {
            fields.add(b.field(name));
        }
        fields.add(b.field("session_number"));
        b.project(fields, withColumn(cutFields, "session_number"), true);
        return context.addStage(ColumnNames.stageName(query, "sessions"),
                "sessions numbered by a running count of session starts", List.of());
    }

    private static List<String> withColumn(List<String> columns, String column) {
        List<String> result = new ArrayList<>(columns);
        result.add(column);
        return result;
    }

    private static void eventsReport(PlanContext<SessionsQuery> context, Stage numbered, List<String> keys) {
        SessionsQuery query = context.query();
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
        fields.add(b.cast(b.field("session_number"), SqlTypeName.BIGINT));
        names.add("session_number");
        b.project(fields, names, true);
    }

    private static void sessionsReport(PlanContext<SessionsQuery> context, Stage numbered, List<String> keys, boolean incremental) {
        SessionsQuery query = context.query();
        RelBuilder b = context.builder();
        boolean named = query.source().eventName().isPresent();
        boolean marked = numbered.plan().getRowType().getFieldNames().contains("starts_session");
        Stage bounded = numbered;
        List<RexNode> sessionKey = new ArrayList<>();
        if (named && !marked) {
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
                b.count().as("event_count")));
        if (incremental) {
            calls.add(b.min(b.field(NUMBER_OFFSET)).as("number_offset"));
        }
        if (named && marked) {
            calls.add(b.max(when(b, PlanHelpers.isSet(b, b.field("starts_session")), b.field(EVENT_NAME))).as("first_event"));
            calls.add(b.max(when(b, PlanHelpers.isSet(b, b.field("ends_session")), b.field(EVENT_NAME))).as("last_event"));
        } else if (named) {
            calls.add(b.max(when(b, b.equals(b.field(EventsStage.ORDER), b.field("first_order")), b.field(EVENT_NAME))).as("first_event"));
            calls.add(b.max(when(b, b.equals(b.field(EventsStage.ORDER), b.field("last_order")), b.field(EVENT_NAME))).as("last_event"));
        }
        b.aggregate(b.groupKey(group), calls);
        Stage sessions = marked
                ? context.addInlinedStage(ColumnNames.stageName(query, "session_summary"), "one row per session", List.of())
                : context.addStage(ColumnNames.stageName(query, "session_summary"), "one row per session", List.of());
        context.scan(sessions);
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        PlanHelpers.addReportKeys(b, query, keys, fields, names);
        RexNode sessionNumber = incremental
                ? b.call(SqlStdOperatorTable.PLUS, b.field("session_number"), b.field("number_offset"))
                : b.field("session_number");
        fields.add(b.cast(sessionNumber, SqlTypeName.BIGINT));
        names.add("session_number");
        fields.add(sessionId(context, query, keys));
        names.add("session_id");
        fields.add(b.field("session_start"));
        names.add("session_start");
        fields.add(b.field("session_end"));
        names.add("session_end");
        // Microseconds of the two ends only, once per session.
        fields.add(ReportShapes.wholeMicrosAsSeconds(b, b.call(SqlStdOperatorTable.MINUS,
                b.call(PortableFunctions.EPOCH_MICROS, b.field("session_end")),
                b.call(PortableFunctions.EPOCH_MICROS, b.field("session_start")))));
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
    private static RexNode sessionId(PlanContext<SessionsQuery> context, SessionsQuery query, List<String> keys) {
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

    private static RexNode concat(PlanContext<SessionsQuery> context, RexNode left, RexNode right) {
        RelBuilder b = context.builder();
        return b.call(SqlStdOperatorTable.CONCAT, b.call(SqlStdOperatorTable.CONCAT, left, context.literalText("/")), right);
    }
}
