package io.funnelql.compiler.plan.funnel;

import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dsl.model.EntryPolicy;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelRules;
import io.funnelql.dsl.model.Step;
import io.funnelql.dsl.model.expression.Expression;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.number;

/**
 * {@code entry first} as the chain an analyst writes: per step one stage that joins that step's
 * rows (only those) to the previous step's one row per key and keeps, per key, the earliest
 * qualifying event with a hash GROUP BY; no window, no sort. Then one row per attempt in the
 * shape every report reads ({@link AttemptColumns}).
 *
 * <p>Why this is the reference's scan ({@code EntryScan} from the key's first step-1 event):
 * without a mode that stops the scan (strict_order, strict_deduplication) or restarts it
 * (allow_reentry), the scan fills step k+1 with the first event after step k's (in event order)
 * that matches step k+1, may follow it ({@link FunnelRules#follows}, timestamp_dedup) and is
 * inside the window; the scan's break on the first event outside the window loses nothing, since
 * events only get later. The first such event is the minimum over the step's rows, which is what
 * each stage's MIN computes. Under ties forbidden every candidate is strictly later, so the time
 * alone decides (the earliest time, and the earliest order within it, as {@code MIN} of each);
 * with ties allowed a same-time event qualifies only after step k's in event order, or as that
 * very event when one event may fill two steps ({@link FunnelRules#sameRowMayFill}), so the
 * chain compares event orders.
 *
 * <p>Without an event order, on an engine that adds microseconds to a timestamp exactly ({@link
 * io.funnelql.dialects.TargetDialect#addsMicrosToTimestamps}), the chain compares the timestamps
 * themselves and each stage carries the end of the window as a timestamp, as an analyst writes
 * {@code t <= first_view + INTERVAL '1 hour'}: no row's epoch microseconds are computed, only each
 * key's minima's, for the reports.
 */
final class AggregateChain {
    private static final String WINDOW_END = "window_end";
    /**
     * Up to this many steps each step reads its own rows (from the source by its condition, or
     * from the events stage by its flag); past it, the steps after the first read the rows inside
     * each key's first window, found once: a long funnel scanned the whole events stage once per
     * step (32 steps took 6 times as long as 3 on DuckDB and PostgreSQL).
     */
    static final int OWN_ROWS_UP_TO_STEPS = 4;

    private AggregateChain() {}

    /** Whether the reference's scan reduces to the chain: entry first, and no mode that stops or restarts the scan. */
    static boolean applies(FunnelQuery query, FunnelRules rules) {
        return query.entry() == EntryPolicy.FIRST && !rules.strictOrder() && !rules.strictDeduplication()
                && !rules.allowReentry();
    }

    /** Why, for explain. */
    static String reason(PlanContext<FunnelQuery> context, FunnelRules rules) {
        return "entry first and no mode that stops or restarts the scan, so each step's event is the earliest of that "
                + "step's rows that follows the previous step's event inside the window: a MIN per key, one hash GROUP BY "
                + "per step" + (rules.tiesForbidden() ? " (ties forbidden: times alone decide, no event order)"
                : " (ties allowed: same-time events are told apart by the event order)")
                + (readsFirstWindow(context, rules) ? "; past " + OWN_ROWS_UP_TO_STEPS + " steps the later steps read only the rows "
                + "inside each key's first window, found once" : "");
    }

    /**
     * Whether the steps after the first read the rows inside each key's first window ({@link
     * #firstWindowRows}): only on an engine that shares one scan of a stage among its readers.
     * PostgreSQL materializes a stage that many steps read without statistics and joined 31
     * steps of it by nested loops (32 steps: past 120 s at 1M events), so there each step keeps
     * reading the source by its own condition.
     */
    private static boolean readsFirstWindow(PlanContext<FunnelQuery> context, FunnelRules rules) {
        return rules.steps() > OWN_ROWS_UP_TO_STEPS && rules.anchorAtFirstStep() && context.target().sharesRepeatedScans();
    }

    /** Whether the chain needs the event order: only when a step's event may share its time with the previous step's. */
    static boolean comparesOrder(FunnelRules rules) {
        return !rules.tiesForbidden();
    }

    /**
     * One row per attempt: every key of the stage {@code everyKey} builds (NULL: only keys with an
     * entry event), its level and each reached step's time (and event order when {@code ordered}).
     */
    static Stage build(PlanContext<FunnelQuery> context, EventsStage.Events events, StepRows sourceRows, FunnelRules rules,
            boolean ordered, Supplier<Stage> everyKey) {
        List<Stage> reached = stepStages(context, events, sourceRows, rules, ordered, true);
        return attempts(context, events, ordered, reached, everyKey == null ? null : everyKey.get());
    }

    /**
     * One stage per step, one row per key that reached the step (so each stage's keys are among
     * the previous one's, and its row count is the step's count). {@code withMicros}: each stage
     * also carries its step's epoch microseconds, which the attempts read; counting needs none.
     */
    static List<Stage> stepStages(PlanContext<FunnelQuery> context, EventsStage.Events events, StepRows sourceRows,
            FunnelRules rules, boolean ordered, boolean withMicros) {
        FunnelQuery query = context.query();
        boolean timestamps = !ordered && context.target().addsMicrosToTimestamps(rules.window());
        // The source carries no event order: with one, every step reads the events stage.
        StepRows rows = ordered ? null : sourceRows;
        List<Stage> reached = new ArrayList<>();
        reached.add(timestamps ? firstStepByTime(context, events, rows, rules, withMicros) : firstStep(context, events, rows, ordered));
        // Past a few steps every later step reads only the rows inside each key's first window.
        StepRows laterRows = rows;
        if (readsFirstWindow(context, rules)) {
            Stage inside = firstWindowRows(context, events, reached.get(0), rules, timestamps);
            laterRows = (step, keyAndTimeChecked) -> pushFlaggedRows(context, inside, events.keys(), ordered,
                    sameCondition(query, step.index()));
        }
        for (Step step : query.steps().subList(1, query.steps().size())) {
            Stage previous = reached.get(reached.size() - 1);
            reached.add(timestamps ? nextStepByTime(context, events, laterRows, rules, previous, step.index(), withMicros)
                    : nextStep(context, events, laterRows, rules, ordered, previous, step.index()));
        }
        return reached;
    }

    /**
     * Where a step's rows come from when they do not come from the events stage by the step's
     * flag: the source filtered by the step's condition (no event order), or the first window's
     * rows ({@link #firstWindowRows}). Null: the events stage. {@code keyAndTimeChecked}: the
     * reader rejects NULL keys and times itself (a join on the key comparing times, or step 1's
     * check per group), so the source's rows need no check of their own.
     */
    interface StepRows {
        void push(Step step, boolean keyAndTimeChecked);
    }

    /**
     * Pushes step {@code step}'s rows (key, microseconds, then the event order when {@code
     * ordered}, else the time): from {@code rows} when given, else from the events stage by the
     * step's flag.
     */
    private static void pushStepRows(PlanContext<FunnelQuery> context, EventsStage.Events events, StepRows rows,
            boolean ordered, int step, boolean keyAndTimeChecked) {
        if (rows != null) {
            rows.push(context.query().steps().get(step - 1), keyAndTimeChecked);
            return;
        }
        pushFlaggedRows(context, events.stage(), events.keys(), ordered, step);
    }

    /** Rows read by their step flag from a stage of events ({@code stage}: the events stage, or the first window's rows). */
    private static void pushFlaggedRows(PlanContext<FunnelQuery> context, Stage stage, List<String> keys, boolean ordered,
            int step) {
        RelBuilder b = context.builder();
        context.scan(stage);
        b.filter(isSet(b, b.field(FunnelPlanner.stepFlag(step))));
        List<RexNode> rowFields = new ArrayList<>(keys.stream().map(b::field).toList());
        List<String> rowNames = new ArrayList<>(keys);
        rowFields.add(b.field(EventsStage.MICROS));
        rowNames.add(EventsStage.MICROS);
        if (ordered) {
            rowFields.add(b.field(EventsStage.ORDER));
            rowNames.add(EventsStage.ORDER);
        } else {
            rowFields.add(b.field(EventsStage.TIME)); // the chain on timestamps reads it
            rowNames.add(EventsStage.TIME);
        }
        b.project(rowFields, rowNames, true);
    }

    /**
     * The events stage's rows inside each key's first window (at or after its first entry, not past
     * the window's end), read once: with the window anchored at step 1 every later step's event lies
     * there.
     */
    private static Stage firstWindowRows(PlanContext<FunnelQuery> context, EventsStage.Events events, Stage first,
            FunnelRules rules, boolean timestamps) {
        RelBuilder b = context.builder();
        List<String> eventColumns = events.stage().plan().getRowType().getFieldNames();
        context.scan(events.stage());
        context.scan(first);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, events.keys()));
        if (timestamps) {
            RexNode time = b.field(2, 0, EventsStage.TIME);
            on.add(b.greaterThanOrEqual(time, b.field(2, 1, stepTime(1))));
            on.add(FunnelPlanner.notPastEnd(b, rules, time, b.field(2, 1, WINDOW_END)));
        } else {
            RexNode micros = b.field(2, 0, EventsStage.MICROS);
            RexNode entry = b.field(2, 1, AttemptColumns.micros(1));
            on.add(b.greaterThanOrEqual(micros, entry));
            on.add(FunnelPlanner.inside(b, rules, micros, entry));
        }
        b.join(JoinRelType.INNER, on);
        // The time columns, the order if any, and one flag per distinct condition of steps 2 and on:
        // a long funnel repeats its conditions, and each flag is a column every row carries.
        List<String> columns = new ArrayList<>(events.keys());
        columns.addAll(List.of(EventsStage.TIME, EventsStage.MICROS));
        if (eventColumns.contains(EventsStage.ORDER)) {
            columns.add(EventsStage.ORDER);
        }
        for (int step = 2; step <= rules.steps(); step++) {
            String flag = FunnelPlanner.stepFlag(sameCondition(context.query(), step));
            if (!columns.contains(flag)) {
                columns.add(flag);
            }
        }
        b.project(columns.stream().map(column -> b.field(eventColumns.indexOf(column))).toList(), columns, true);
        return context.addStage(ColumnNames.stageName(context.query(), "first_window"),
                "the events inside each key's first window, which every later step reads", List.of());
    }

    /** The first step whose condition is the same as step {@code step}'s: its flag stands for both. */
    private static int sameCondition(FunnelQuery query, int step) {
        Expression condition = query.steps().get(step - 1).condition();
        for (Step earlier : query.steps()) {
            if (earlier.condition().equals(condition)) {
                return earlier.index();
            }
        }
        return step;
    }

    private static String stepTime(int step) {
        return "step_" + step + "_time";
    }

    /**
     * After a step's aggregate (keys, then the step's earliest time): the keys, the step's
     * microseconds from that one time per key (what the reports read), the time, and, for the
     * steps after it, where the window ends: carried from step 1, or this step's time plus the
     * window. {@code carriedEnd} is the aggregate's column holding step 1's window end, or -1.
     */
    private static void stepColumns(PlanContext<FunnelQuery> context, FunnelRules rules, int step, int keyCount, int carriedEnd,
            boolean withMicros) {
        RelBuilder b = context.builder();
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            fields.add(b.field(i));
            names.add(b.peek().getRowType().getFieldNames().get(i));
        }
        RexNode time = b.field(stepTime(step));
        if (withMicros) {
            fields.add(b.call(PortableFunctions.EPOCH_MICROS, time));
            names.add(AttemptColumns.micros(step));
        }
        fields.add(time);
        names.add(stepTime(step));
        if (step < rules.steps()) {
            fields.add(carriedEnd >= 0 ? b.field(carriedEnd)
                    : b.call(PortableFunctions.TIMESTAMP_PLUS_MICROS, time, b.literal(rules.window())));
            names.add(WINDOW_END);
        }
        b.project(fields, names, true);
    }

    private static Stage firstStepByTime(PlanContext<FunnelQuery> context, EventsStage.Events events, StepRows rows,
            FunnelRules rules, boolean withMicros) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        pushStepRows(context, events, rows, false, 1, true);
        b.aggregate(b.groupKey(events.keys().stream().map(b::field).toList()), b.min(b.field(EventsStage.TIME)).as(stepTime(1)));
        dropGroupsWithoutKeyOrTime(context, events, rows);
        stepColumns(context, rules, 1, events.keys().size(), -1, withMicros);
        return context.addStage(stageName(query, 1), "step 1: each key's first entry event",
                List.of(new Stage.DeclaredKey(events.keys(), "grouped by the key")));
    }

    /**
     * Step 1's rows read from the source ({@code rows}) keep NULL keys and times, which the
     * reference drops: after the aggregate (keys, then the step's minima), the groups of a NULL
     * key part or without a time go, a check per key (a HAVING) rather than per row; an aggregate
     * never counts a NULL time. The events stage has dropped such rows already.
     */
    private static void dropGroupsWithoutKeyOrTime(PlanContext<FunnelQuery> context, EventsStage.Events events, StepRows rows) {
        if (rows == null) {
            return;
        }
        RelBuilder b = context.builder();
        List<RexNode> present = new ArrayList<>();
        for (int i = 0; i <= events.keys().size(); i++) { // the keys and the first minimum
            present.add(b.isNotNull(b.field(i)));
        }
        b.filter(present);
    }

    /** {@link #nextStep} on timestamps: later than the previous step's time, not past the window's end. */
    private static Stage nextStepByTime(PlanContext<FunnelQuery> context, EventsStage.Events events, StepRows rows,
            FunnelRules rules, Stage previous, int step, boolean withMicros) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        List<String> keys = events.keys();
        int leftWidth = previous.plan().getRowType().getFieldCount();
        context.scan(previous);
        pushStepRows(context, events, rows, false, step, true);
        List<RexNode> rowFields = new ArrayList<>(keys.stream().map(b::field).toList());
        rowFields.add(b.field(EventsStage.TIME));
        List<String> rowColumns = new ArrayList<>(keys);
        rowColumns.add(EventsStage.TIME);
        b.project(rowFields, rowColumns, true); // the rows' microseconds stay uncomputed
        SourceRows source = SourceRows.of(b.peek());
        RexNode rowCondition = null;
        // Where the right side holds each row column (keys, then the time): the rows as projected,
        // or the table's own columns.
        List<Integer> rowColumn = IntStream.rangeClosed(0, keys.size()).boxed().toList();
        if (source != null) {
            // Join the table itself and test the step's condition in WHERE, as an analyst writes
            // it: the same plan on every engine, without a renaming subquery per step.
            b.build();
            b.push(source.table());
            rowCondition = RexUtil.shift(source.condition(), leftWidth);
            rowColumn = source.columns();
        }
        RexNode time = b.field(2, 1, rowColumn.get(keys.size()));
        List<RexNode> on = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            on.add(b.equals(b.field(2, 0, keys.get(i)), b.field(2, 1, rowColumn.get(i))));
        }
        on.add(b.greaterThan(time, b.field(2, 0, stepTime(step - 1)))); // ties forbidden: strictly later
        on.add(FunnelPlanner.notPastEnd(b, rules, time, b.field(2, 0, WINDOW_END)));
        b.join(JoinRelType.INNER, on);
        if (rowCondition != null) {
            b.filter(rowCondition);
        }
        List<RelBuilder.AggCall> calls = new ArrayList<>();
        boolean carry = rules.anchorAtFirstStep() && step < rules.steps();
        if (carry) {
            calls.add(b.min(b.field(previous.plan().getRowType().getFieldNames().indexOf(WINDOW_END))).as(WINDOW_END));
        }
        calls.add(b.min(b.field(leftWidth + rowColumn.get(keys.size()))).as(stepTime(step)));
        List<RexNode> group = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            group.add(b.field(i));
        }
        b.aggregate(b.groupKey(group), calls);
        // After the aggregate: the keys, then the carried window end (when carried), then the step's time.
        stepColumns(context, rules, step, keys.size(), carry ? keys.size() : -1, withMicros);
        return context.addStage(stageName(query, step), "step " + step + ": per key, the earliest "
                        + query.steps().get(step - 1).name().value() + " event after step " + (step - 1) + "'s and inside the window",
                List.of(new Stage.DeclaredKey(keys, "grouped by the key")));
    }

    private static Stage firstStep(PlanContext<FunnelQuery> context, EventsStage.Events events, StepRows rows,
            boolean ordered) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        // On microseconds (Oracle) the rows keep their checks: H2's Oracle mode rejects a HAVING on that MIN.
        pushStepRows(context, events, rows, ordered, 1, false);
        List<RelBuilder.AggCall> calls = new ArrayList<>();
        // The event order follows time, so the first entry's time and order are both minima.
        calls.add(b.min(b.field(EventsStage.MICROS)).as(AttemptColumns.micros(1)));
        if (ordered) {
            calls.add(b.min(b.field(EventsStage.ORDER)).as(AttemptColumns.order(1)));
        }
        b.aggregate(b.groupKey(events.keys().stream().map(b::field).toList()), calls);
        return context.addStage(stageName(query, 1), "step 1: each key's first entry event",
                List.of(new Stage.DeclaredKey(events.keys(), "grouped by the key")));
    }

    /** Step {@code step}'s rows joined to the previous step's one row per key, the earliest qualifying one kept. */
    private static Stage nextStep(PlanContext<FunnelQuery> context, EventsStage.Events events, StepRows rows,
            FunnelRules rules, boolean ordered, Stage previous, int step) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        List<String> keys = events.keys();
        int leftWidth = previous.plan().getRowType().getFieldCount();
        context.scan(previous);
        pushStepRows(context, events, rows, ordered, step, true);

        RexNode micros = b.field(2, 1, EventsStage.MICROS);
        RexNode priorMicros = b.field(2, 0, AttemptColumns.micros(step - 1));
        RexNode later;
        if (rules.tiesForbidden()) {
            later = b.greaterThan(micros, priorMicros); // a later time is a later event, and never the same time
        } else {
            later = b.greaterThan(b.field(2, 1, EventsStage.ORDER), b.field(2, 0, AttemptColumns.order(step - 1)));
            if (rules.timestampDedup()) {
                later = b.and(later, b.notEquals(micros, priorMicros));
            }
        }
        RexNode candidate = rules.sameRowMayFill(step)
                ? b.or(later, b.equals(b.field(2, 1, EventsStage.ORDER), b.field(2, 0, AttemptColumns.order(step - 1))))
                : later;
        RexNode anchor = b.field(2, 0, AttemptColumns.micros(rules.anchorAtFirstStep() ? 1 : step - 1));
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(candidate);
        on.add(FunnelPlanner.inside(b, rules, micros, anchor));
        b.join(JoinRelType.INNER, on);

        List<RelBuilder.AggCall> calls = new ArrayList<>();
        // The window's anchor travels along the chain for the steps after this one.
        if (rules.anchorAtFirstStep() && step > 1 && step < rules.steps()) {
            calls.add(b.min(b.field(AttemptColumns.micros(1))).as(AttemptColumns.micros(1)));
        }
        calls.add(b.min(b.field(leftWidth + keys.size())).as(AttemptColumns.micros(step)));
        if (ordered) {
            calls.add(b.min(b.field(leftWidth + keys.size() + 1)).as(AttemptColumns.order(step)));
        }
        List<RexNode> group = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            group.add(b.field(i));
        }
        b.aggregate(b.groupKey(group), calls);
        return context.addStage(stageName(query, step), "step " + step + ": per key, the earliest "
                        + query.steps().get(step - 1).name().value() + " event that follows step " + (step - 1) + "'s inside the window",
                List.of(new Stage.DeclaredKey(keys, "grouped by the key")));
    }

    /** The attempt shape: the first step's rows (or every key) joined to each later step's one row per key. */
    private static Stage attempts(PlanContext<FunnelQuery> context, EventsStage.Events events, boolean ordered, List<Stage> reached,
            Stage keys) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        List<String> keyNames = events.keys();
        List<Stage> joined = new ArrayList<>();
        if (keys != null) {
            joined.add(keys);
        }
        joined.addAll(reached);
        context.scan(joined.get(0));
        for (Stage stage : joined.subList(1, joined.size())) {
            context.scan(stage);
            // The left's first columns are the base's key; every step's stage is unique on the key.
            List<RexNode> on = new ArrayList<>();
            for (int i = 0; i < keyNames.size(); i++) {
                on.add(b.equals(b.field(2, 0, i), b.field(2, 1, keyNames.get(i))));
            }
            b.join(JoinRelType.LEFT, on);
        }
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < keyNames.size(); i++) {
            fields.add(b.field(i));
            names.add(keyNames.get(i));
        }
        int offset = keys == null ? 0 : keys.plan().getRowType().getFieldCount();
        List<RexNode> levels = new ArrayList<>();
        for (int step = 1; step <= reached.size(); step++) {
            List<String> stageFields = reached.get(step - 1).plan().getRowType().getFieldNames();
            RexNode micros = b.field(offset + stageFields.indexOf(AttemptColumns.micros(step)));
            if (ordered) {
                fields.add(b.field(offset + stageFields.indexOf(AttemptColumns.order(step))));
                names.add(AttemptColumns.order(step));
            }
            fields.add(micros);
            names.add(AttemptColumns.micros(step));
            levels.add(0, number(b, step));
            levels.add(0, b.isNotNull(micros));
            offset += stageFields.size();
        }
        levels.add(number(b, 0));
        fields.add(b.call(SqlStdOperatorTable.CASE, levels));
        names.add(AttemptColumns.LEVEL);
        b.project(fields, names, true);
        return context.addStage(ColumnNames.stageName(query, "attempts"),
                keys == null ? "one attempt per key with an entry event: its furthest step and each reached step's event"
                        : "one attempt per key (level 0 without an entry event): its furthest step and each reached step's event",
                List.of(new Stage.DeclaredKey(keyNames, "one row per key, joined to at most one row per key of each step")));
    }

    /** A stage named after the spec's step, so the SQL reads like the funnel. */
    private static String stageName(FunnelQuery query, int step) {
        return ColumnNames.stageName(query, query.steps().get(step - 1).name().value());
    }
}
