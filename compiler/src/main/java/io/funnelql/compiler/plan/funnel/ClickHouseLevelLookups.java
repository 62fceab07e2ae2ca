package io.funnelql.compiler.plan.funnel;

import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelReport;
import io.funnelql.dsl.model.FunnelRules;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;

import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.number;
import static io.funnelql.compiler.plan.PlanHelpers.when;

/**
 * ClickHouse's windowFunnel (entry latest) when only each key's level is reported, with one sort.
 *
 * <p>Why: in ClickHouse's scan, entries in (time, step) order, level k's stored chain is the one
 * with the latest start, and a later start only widens the window from the first step, so level k
 * is reached exactly when some step-1..k events have non-decreasing times t1 ≤ … ≤ tk with tk
 * inside t1's window. From a start, the earliest step-2 event at or after it, then the earliest
 * step-3 event at or after that, and so on, reaches as far as any chain from that start; and
 * starts that lead to the same step-i event continue alike, so only the latest of them matters.
 *
 * <p>How: the events grouped to one row per (key, time) with a flag per step; one window pass
 * (descending time) gives, at each time, the next time of each step from there on; level 2 is
 * each start's next step-2 time inside its window, grouped by that time keeping the latest start;
 * level k joins level k−1 to the row at its time (unique on key and time) and does the same.
 * k steps: one sort and k−2 key-to-unique-key joins, where {@link ClickHouseLatestWindows}
 * sorts once per level (DuckDB, 1M events, 3 steps, one interleaved run by hand: 0.47 s against
 * 1.66 s, docs/performance.md).
 */
final class ClickHouseLevelLookups {
    private static final String START = "chain_start";
    private static final String REACHED = "reached_micros";

    private ClickHouseLevelLookups() {}

    /**
     * Whether the spec reduces to it: no mode (the caller has ruled out walks and candidate chains),
     * a window from the first step, ties allowed (ClickHouse's scan then compares only with the
     * stored chain, which is not an existence question), and a report of levels only.
     */
    static boolean applies(FunnelQuery query, FunnelRules rules) {
        return rules.steps() >= 2 && rules.anchorAtFirstStep() && !rules.tiesForbidden()
                && query.exclusions().isEmpty() && query.breakdown().isEmpty()
                && (query.report() == FunnelReport.STEPS || query.report() == FunnelReport.PER_KEY);
    }

    static String reason() {
        return "ClickHouse's entry latest reporting levels only: a level is reached when some chain of non-decreasing "
                + "times fits the window, so one sort finds each step's next time and each level is a lookup of it, "
                + "grouped to the latest start";
    }

    private static String has(int step) {
        return "has_step_" + step;
    }

    private static String next(int step) {
        return "next_step_" + step + "_micros";
    }

    static Stage build(PlanContext<FunnelQuery> context, EventsStage.Events events, FunnelRules rules) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        List<String> keys = events.keys();
        int steps = rules.steps();
        List<String> keyAndTime = new ArrayList<>(keys);
        keyAndTime.add(EventsStage.MICROS);

        context.scan(events.stage());
        List<RelBuilder.AggCall> flags = new ArrayList<>();
        for (int step = 1; step <= steps; step++) {
            flags.add(b.max(b.field(FunnelPlanner.stepFlag(step))).as(has(step)));
        }
        b.aggregate(b.groupKey(keyAndTime.stream().map(b::field).toList()), flags);
        Stage times = context.addInlinedStage(ColumnNames.stageName(query, "times"),
                "one row per key and time, with the steps some event there matches",
                List.of(new Stage.DeclaredKey(keyAndTime, "grouped by the key and the time")));

        context.scan(times);
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String column : keyAndTime) {
            fields.add(b.field(column));
            names.add(column);
        }
        fields.add(b.field(has(1)));
        names.add(has(1));
        for (int step = 2; step <= steps; step++) {
            RexNode micros = b.field(EventsStage.MICROS);
            fields.add(b.aggregateCall(SqlStdOperatorTable.MIN, when(b, isSet(b, b.field(has(step))), micros)).over()
                    .partitionBy(keys.stream().map(b::field).toList())
                    .orderBy(b.desc(micros))
                    .rowsBetween(RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.CURRENT_ROW)
                    .toRex());
            names.add(next(step));
        }
        b.project(fields, names, true);
        Stage nextTimes = context.addStage(ColumnNames.stageName(query, "next_times"),
                "at each key's time, the next time of each step from there on",
                List.of(new Stage.DeclaredKey(keyAndTime, "one row per key and time")));

        // Level 2: each start's next step-2 time, inside the start's window, keeping the latest start.
        context.scan(nextTimes);
        b.filter(isSet(b, b.field(has(1))), b.isNotNull(b.field(next(2))),
                FunnelPlanner.inside(b, rules, b.field(next(2)), b.field(EventsStage.MICROS)));
        List<RexNode> group = new ArrayList<>(keys.stream().map(b::field).toList());
        group.add(b.field(next(2)));
        b.aggregate(b.groupKey(group), b.max(b.field(EventsStage.MICROS)).as(START));
        List<Stage> levels = new ArrayList<>();
        levels.add(levelStage(context, keys, 2));
        for (int step = 3; step <= steps; step++) {
            context.scan(levels.get(levels.size() - 1));
            context.scan(nextTimes);
            List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
            on.add(b.equals(b.field(2, 0, REACHED), b.field(2, 1, EventsStage.MICROS)));
            b.join(JoinRelType.INNER, on);
            RexNode reached = b.field(next(step));
            b.filter(b.isNotNull(reached), FunnelPlanner.inside(b, rules, reached, b.field(START)));
            List<RexNode> levelGroup = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                levelGroup.add(b.field(i));
            }
            levelGroup.add(reached);
            b.aggregate(b.groupKey(levelGroup), b.max(b.field(START)).as(START));
            levels.add(levelStage(context, keys, step));
        }
        return attempts(context, keys, nextTimes, levels);
    }

    /** The aggregate on the builder (keys, the step's time, the latest start) as level {@code step}'s stage. */
    private static Stage levelStage(PlanContext<FunnelQuery> context, List<String> keys, int step) {
        RelBuilder b = context.builder();
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>(keys);
        for (int i = 0; i < keys.size(); i++) {
            fields.add(b.field(i));
        }
        fields.add(b.field(keys.size()));
        names.add(REACHED);
        fields.add(b.field(START));
        names.add(START);
        b.project(fields, names, true);
        List<String> unique = new ArrayList<>(keys);
        unique.add(REACHED);
        return context.addStage(ColumnNames.stageName(context.query(), "level_" + step),
                "level " + step + ": each time a chain reaches step " + step + " inside its window, with its latest start",
                List.of(new Stage.DeclaredKey(unique, "grouped by the key and the step's time")));
    }

    /** One row per key: the highest level any of its chains reaches (0 for a key without a step-1 event). */
    private static Stage attempts(PlanContext<FunnelQuery> context, List<String> keys, Stage nextTimes, List<Stage> levels) {
        RelBuilder b = context.builder();
        context.scan(nextTimes);
        List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
        fields.add(b.call(SqlStdOperatorTable.CASE, isSet(b, b.field(has(1))), number(b, 1), number(b, 0)));
        List<String> names = new ArrayList<>(keys);
        names.add(AttemptColumns.LEVEL);
        b.project(fields, names, true);
        for (int i = 0; i < levels.size(); i++) {
            context.scan(levels.get(i));
            List<RexNode> levelFields = new ArrayList<>(keys.stream().map(b::field).toList());
            levelFields.add(number(b, i + 2));
            b.project(levelFields, names, true);
        }
        b.union(true, levels.size() + 1);
        b.aggregate(b.groupKey(keys.stream().map(b::field).toList()), b.max(b.field(AttemptColumns.LEVEL)).as(AttemptColumns.LEVEL));
        return context.addStage(ColumnNames.stageName(context.query(), "attempts"),
                "one row per key: the highest level any of its chains reaches",
                List.of(new Stage.DeclaredKey(keys, "grouped by the key")));
    }
}
