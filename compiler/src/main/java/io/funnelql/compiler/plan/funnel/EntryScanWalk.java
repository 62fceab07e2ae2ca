package io.funnelql.compiler.plan.funnel;

import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dsl.model.EntryPolicy;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelRules;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntFunction;

import static io.funnelql.compiler.plan.PlanHelpers.bigint;
import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.nullBigint;
import static io.funnelql.compiler.plan.PlanHelpers.number;

/**
 * The per-entry scan under allow_reentry (entry first and every, and duckdb_behavioral's entry
 * latest), where a step-1 event after progress restarts the attempt mid-scan: a walk. The key's
 * rows that match any step are numbered; each attempt starts at its entry row and a recursive
 * stage visits the following rows one per iteration, carrying the attempt's state as columns:
 * its level, its step-1 event (which a restart moves), the event of its last reached step, the
 * events of the steps the reports read (exclusion bounds, a named breakdown step) and the next
 * row to visit (NULL once the attempt ends: past the window, stopped by a strict mode, full, or
 * out of rows). The row whose next row is NULL is the attempt. It follows EntryScan.from step by
 * step; lookups that depend on the level are CASE expressions over the level.
 *
 * <p>Cost: one iteration per matching row of the longest-running attempt; each iteration joins
 * the attempts still running to their next row.
 */
final class EntryScanWalk {
    /** The attempt's identity: its original entry event, which a restart does not change. */
    static final String ATTEMPT = "attempt_entry_order";
    static final String ROW_NUMBER = "row_number";
    static final String ROW_COUNT = "row_count";
    static final String NEXT_ROW = "next_row";
    static final String FIRST_STEP = "first_step";
    static final String ENTRY_NUMBER = "entry_number";
    static final String LAST_ORDER = "last_order";
    static final String LAST_MICROS = "last_micros";

    private EntryScanWalk() {}

    static String runEnd(int step) {
        return "run_end_" + step;
    }

    /**
     * One row per attempt, in the attempt shape ({@link AttemptColumns}) plus {@link #ATTEMPT}:
     * the key's first entry for {@code entry first}, every entry otherwise.
     */
    static Stage build(PlanContext<FunnelQuery> context, EventsStage.Events events, FunnelRules rules, SortedSet<Integer> tracked) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        List<String> keys = events.keys();
        int steps = rules.steps();
        boolean first = query.entry() == EntryPolicy.FIRST;
        boolean multiFill = !rules.tiesForbidden() && !rules.strictOnce();

        // The rows that match any step, numbered per key, with the level-independent lookups.
        context.scan(events.stage());
        List<RexNode> anyStep = new ArrayList<>();
        for (int k = 1; k <= steps; k++) {
            anyStep.add(isSet(b, b.field(FunnelPlanner.stepFlag(k))));
        }
        b.filter(b.or(anyStep));
        List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
        List<String> names = new ArrayList<>(keys);
        fields.add(b.field(EventsStage.ORDER));
        names.add(EventsStage.ORDER);
        fields.add(b.field(EventsStage.MICROS));
        names.add(EventsStage.MICROS);
        for (int k = 1; k <= steps; k++) {
            fields.add(b.field(FunnelPlanner.stepFlag(k)));
            names.add(FunnelPlanner.stepFlag(k));
        }
        if (rules.strictOrder()) {
            List<RexNode> cases = new ArrayList<>();
            for (int k = 1; k < steps; k++) {
                cases.add(isSet(b, b.field(FunnelPlanner.stepFlag(k))));
                cases.add(number(b, k));
            }
            cases.add(number(b, steps));
            fields.add(cases.size() == 1 ? cases.get(0) : b.call(SqlStdOperatorTable.CASE, cases));
            names.add(FIRST_STEP);
        }
        // run_end_j: the last step of the run of consecutive steps j, j+1, ... the row matches (j - 1 if none).
        boolean entryRowAdvances = rules.entryRowAdvances() && !rules.tiesForbidden();
        for (int j = entryRowAdvances ? 2 : multiFill ? 3 : steps + 1; j <= steps; j++) {
            List<RexNode> cases = new ArrayList<>();
            for (int k = j; k <= steps; k++) {
                cases.add(b.equals(b.field(FunnelPlanner.stepFlag(k)), number(b, 0)));
                cases.add(number(b, k - 1));
            }
            cases.add(number(b, steps));
            fields.add(b.call(SqlStdOperatorTable.CASE, cases));
            names.add(runEnd(j));
        }
        List<RexNode> partition = new ArrayList<>(keys.stream().map(b::field).toList());
        if (first) {
            fields.add(b.aggregateCall(SqlStdOperatorTable.SUM, b.field(FunnelPlanner.stepFlag(1))).over()
                    .partitionBy(partition).orderBy(b.field(EventsStage.ORDER)).rowsTo(RexWindowBounds.CURRENT_ROW).toRex());
            names.add(ENTRY_NUMBER);
        }
        fields.add(b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over()
                .partitionBy(partition).orderBy(b.field(EventsStage.ORDER)).rowsUnbounded().toRex());
        names.add(ROW_NUMBER);
        fields.add(b.count().over().partitionBy(partition).orderBy(b.field(EventsStage.ORDER)).rowsUnbounded().toRex());
        names.add(ROW_COUNT);
        b.project(fields, names, true);
        Stage rows = context.addStage(FunnelPlanner.stageName(query, 1, "step_rows"),
                "each key's rows that match a step, numbered in event order", List.of(
                        new Stage.DeclaredKey(withColumn(keys, ROW_NUMBER), "ROW_NUMBER() numbers each key's rows 1, 2, 3, ..."),
                        new Stage.DeclaredKey(withColumn(keys, EventsStage.ORDER), "one row per event")));

        SortedSet<Integer> carried = new TreeSet<>(tracked);
        carried.remove(1);
        List<String> walkNames = new ArrayList<>(keys);
        walkNames.addAll(List.of(ATTEMPT, ROW_NUMBER, NEXT_ROW, AttemptColumns.LEVEL,
                AttemptColumns.order(1), AttemptColumns.micros(1), LAST_ORDER, LAST_MICROS));
        for (int step : carried) {
            walkNames.add(AttemptColumns.order(step));
            walkNames.add(AttemptColumns.micros(step));
        }

        // Anchor: each attempt at its entry row, advanced over the entry row's further steps where the profile allows.
        context.scan(rows);
        RexNode isEntry = isSet(b, b.field(FunnelPlanner.stepFlag(1)));
        b.filter(first ? b.and(isEntry, b.equals(b.field(ENTRY_NUMBER), number(b, 1))) : isEntry);
        RexNode entryLevel = entryRowAdvances ? b.field(runEnd(2)) : number(b, 1);
        RexNode order = b.field(EventsStage.ORDER);
        RexNode micros = b.field(EventsStage.MICROS);
        List<RexNode> anchor = new ArrayList<>(keys.stream().map(b::field).toList());
        anchor.add(bigint(b, order));
        anchor.add(bigint(b, b.field(ROW_NUMBER)));
        RexNode lastRow = b.equals(b.field(ROW_NUMBER), b.field(ROW_COUNT));
        anchor.add(bigint(b, b.call(SqlStdOperatorTable.CASE,
                entryRowAdvances ? b.or(b.equals(entryLevel, number(b, steps)), lastRow) : lastRow,
                nullBigint(b), b.call(SqlStdOperatorTable.PLUS, b.field(ROW_NUMBER), number(b, 1)))));
        anchor.add(bigint(b, entryLevel));
        anchor.addAll(List.of(bigint(b, order), bigint(b, micros), bigint(b, order), bigint(b, micros)));
        for (int step : carried) {
            RexNode reached = b.greaterThanOrEqual(entryLevel, number(b, step));
            anchor.add(bigint(b, PlanHelpers.when(b, reached, order)));
            anchor.add(bigint(b, PlanHelpers.when(b, reached, micros)));
        }
        b.project(anchor, walkNames, true);
        List<String> walkKey = withColumn(withColumn(keys, ATTEMPT), ROW_NUMBER);
        PlanContext.Recursion walk = context.beginRecursiveStage(FunnelPlanner.stageName(query, 1, "attempt_scan"),
                "each attempt's scan, one row per iteration: level, step events, and the next row until it ends",
                List.of(new Stage.DeclaredKey(walkKey, "each iteration visits the attempt's next row once")));

        // Step: the walk joined to its next row; the new state (EntryScan.from's loop body).
        context.scan(walk);
        context.scan(rows);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(b.equals(b.field(2, 0, NEXT_ROW), b.field(2, 1, ROW_NUMBER)));
        b.join(JoinRelType.INNER, on);
        int walkWidth = walkNames.size();
        List<String> rowNames = rows.plan().getRowType().getFieldNames();
        Function<String, RexNode> state = name -> b.field(walkNames.indexOf(name));
        Function<String, RexNode> row = name -> b.field(walkWidth + rowNames.indexOf(name));
        RexNode level = state.apply(AttemptColumns.LEVEL);
        RexNode time = row.apply(EventsStage.MICROS);
        RexNode position = row.apply(EventsStage.ORDER);
        RexNode lastMicros = state.apply(LAST_MICROS);
        // A value that depends on the level: CASE WHEN level = 1 THEN … WHEN level = steps - 1 THEN … END (level < steps while walking).
        Function<IntFunction<RexNode>, RexNode> byLevel = value -> {
            List<RexNode> cases = new ArrayList<>();
            for (int l = 1; l < steps; l++) {
                cases.add(b.equals(level, number(b, l)));
                cases.add(value.apply(l));
            }
            cases.add(value.apply(steps - 1));
            return b.call(SqlStdOperatorTable.CASE, cases);
        };

        RexNode anchorMicros = rules.anchorAtFirstStep() ? state.apply(AttemptColumns.micros(1)) : lastMicros;
        RexNode end = b.call(SqlStdOperatorTable.PLUS, anchorMicros, number(b, rules.window()));
        RexNode outside = rules.exclusiveBound() ? b.greaterThanOrEqual(time, end) : b.greaterThan(time, end);
        RexNode inside = FunnelPlanner.inside(b, rules, time, anchorMicros);
        RexNode restart = b.and(inside, b.greaterThan(level, number(b, 1)), isSet(b, row.apply(FunnelPlanner.stepFlag(1))));
        RexNode next = isSet(b, byLevel.apply(l -> row.apply(FunnelPlanner.stepFlag(l + 1))));
        List<RexNode> stops = new ArrayList<>(List.of(outside));
        if (rules.strictDeduplication()) {
            RexNode hasLevel = isSet(b, byLevel.apply(l -> row.apply(FunnelPlanner.stepFlag(l))));
            stops.add(b.and(inside, b.not(restart), hasLevel, b.not(next)));
        }
        List<RexNode> advance = new ArrayList<>(List.of(inside, b.not(restart), next));
        if (rules.strictOrder()) {
            RexNode earlierStep = b.lessThanOrEqual(row.apply(FIRST_STEP), level);
            stops.add(b.and(inside, b.not(restart), earlierStep));
            advance.add(b.not(earlierStep));
        }
        if (rules.timestampDedup()) {
            advance.add(b.notEquals(time, lastMicros));
        }
        if (rules.tiesForbidden()) {
            advance.add(b.greaterThan(time, lastMicros));
        }
        RexNode advances = b.and(advance);
        RexNode newLevel = multiFill
                ? byLevel.apply(l -> l + 2 <= steps ? row.apply(runEnd(l + 2)) : number(b, steps))
                : b.call(SqlStdOperatorTable.PLUS, level, number(b, 1));
        stops.add(b.and(advances, b.equals(newLevel, number(b, steps))));
        stops.add(b.equals(row.apply(ROW_NUMBER), row.apply(ROW_COUNT)));

        List<RexNode> step = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            step.add(b.field(i));
        }
        step.add(bigint(b, state.apply(ATTEMPT)));
        step.add(bigint(b, row.apply(ROW_NUMBER)));
        step.add(bigint(b, b.call(SqlStdOperatorTable.CASE, b.or(stops), nullBigint(b),
                b.call(SqlStdOperatorTable.PLUS, row.apply(ROW_NUMBER), number(b, 1)))));
        step.add(bigint(b, b.call(SqlStdOperatorTable.CASE, restart, number(b, 1), advances, newLevel, level)));
        step.add(bigint(b, b.call(SqlStdOperatorTable.CASE, restart, position, state.apply(AttemptColumns.order(1)))));
        step.add(bigint(b, b.call(SqlStdOperatorTable.CASE, restart, time, state.apply(AttemptColumns.micros(1)))));
        RexNode moves = b.or(restart, advances);
        step.add(bigint(b, b.call(SqlStdOperatorTable.CASE, moves, position, state.apply(LAST_ORDER))));
        step.add(bigint(b, b.call(SqlStdOperatorTable.CASE, moves, time, lastMicros)));
        for (int carriedStep : carried) {
            RexNode fills = b.and(advances, b.lessThan(level, number(b, carriedStep)),
                    b.greaterThanOrEqual(newLevel, number(b, carriedStep)));
            step.add(bigint(b, b.call(SqlStdOperatorTable.CASE, restart, nullBigint(b), fills, position,
                    state.apply(AttemptColumns.order(carriedStep)))));
            step.add(bigint(b, b.call(SqlStdOperatorTable.CASE, restart, nullBigint(b), fills, time,
                    state.apply(AttemptColumns.micros(carriedStep)))));
        }
        b.project(step, walkNames, true);
        Stage scan = context.addRecursiveStage(walk);

        // The attempt: its walk's row without a next row, in the attempt shape.
        context.scan(scan);
        b.filter(b.isNull(b.field(NEXT_ROW)));
        List<String> attemptKey = withColumn(keys, ATTEMPT);
        Stage ended = context.addStage(FunnelPlanner.stageName(query, 1, "attempt_ends"), "each attempt where its scan ended",
                List.of(new Stage.DeclaredKey(attemptKey, "an attempt's walk has one row without a next row: its last")));
        return attempts(context, events, ended, rules, carried, attemptKey);
    }

    /** The attempt shape: step k's event is the last reached step's when k is the level, else the carried one (or NULL). */
    private static Stage attempts(PlanContext<FunnelQuery> context, EventsStage.Events events, Stage ended, FunnelRules rules,
            SortedSet<Integer> carried, List<String> attemptKey) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        boolean every = query.entry() == EntryPolicy.EVERY;
        int width = ended.plan().getRowType().getFieldCount();
        context.scan(ended);
        if (every) {
            // The entry time shown is the attempt's step-1 event's, after any restart: looked up by (key, event order).
            context.scan(events.stage());
            List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, events.keys()));
            on.add(b.equals(b.field(2, 0, AttemptColumns.order(1)), b.field(2, 1, EventsStage.ORDER)));
            b.join(JoinRelType.LEFT, on);
        }
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String column : attemptKey) {
            fields.add(b.field(column));
            names.add(column);
        }
        RexNode level = b.field(AttemptColumns.LEVEL);
        fields.add(level);
        names.add(AttemptColumns.LEVEL);
        for (int step = 1; step <= rules.steps(); step++) {
            for (String what : List.of("order", "micros")) {
                String name = what.equals("order") ? AttemptColumns.order(step) : AttemptColumns.micros(step);
                RexNode last = b.field(what.equals("order") ? LAST_ORDER : LAST_MICROS);
                RexNode value;
                if (step == 1 || carried.contains(step)) {
                    value = b.field(name);
                } else {
                    value = PlanHelpers.when(b, b.equals(level, number(b, step)), last);
                }
                fields.add(value);
                names.add(name);
            }
        }
        if (every) {
            List<String> eventFields = events.stage().plan().getRowType().getFieldNames();
            fields.add(b.field(width + eventFields.indexOf(EventsStage.TIME)));
            names.add(AttemptColumns.ENTRY_TIME);
        }
        b.project(fields, names, true);
        return context.addStage(FunnelPlanner.stageName(query, 1, "walked_attempts"),
                "each attempt's level and the events of its steps", List.of(new Stage.DeclaredKey(attemptKey, "one row per attempt")));
    }

    private static List<String> withColumn(List<String> columns, String column) {
        List<String> result = new ArrayList<>(columns);
        result.add(column);
        return result;
    }
}
