package io.funnelql.compiler.plan.funnel;

import io.funnelql.dsl.model.FunnelRules;
import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dsl.model.FunnelQuery;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.number;
import static io.funnelql.compiler.plan.PlanHelpers.when;

/**
 * ClickHouse's windowFunnel (entry latest) without a join. Level k's chain is the most recent
 * chain that reached step k; its step times and orders never decrease as the scan moves on, so
 * at each event the chain is a running MAX over the events so far, and a step-k event extends
 * level k-1's chain as it stands at that event's time. A RANGE frame includes events with the
 * same time, which reproduces ClickHouse's (time, step) processing order. k steps take k-1
 * window stages and one aggregate; the last step keeps the first chain that completed, since
 * ClickHouse stops there.
 */
final class ClickHouseLatestWindows {
    private static final int INLINED_UP_TO_STEPS = 4;

    private ClickHouseLatestWindows() {}

    static String chain(int level, int step, String what) {
        return "chain_" + level + "_step_" + step + "_" + what;
    }

    static Stage build(PlanContext<FunnelQuery> context, EventsStage.Events events, FunnelRules rules, SortedSet<Integer> tracked) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        int steps = rules.steps();
        Stage current = events.stage();
        for (int level = 1; level < steps; level++) {
            context.scan(current);
            List<RexNode> fields = new ArrayList<>(b.fields());
            List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
            RexNode qualifies = qualifies(b, rules, level);
            for (int step : trackedSteps(tracked, level)) {
                for (String what : List.of("order", "micros")) {
                    RexNode value = step == level ? b.field(what.equals("order") ? EventsStage.ORDER : EventsStage.MICROS)
                            : b.field(chain(level - 1, step, what));
                    fields.add(b.aggregateCall(SqlStdOperatorTable.MAX, when(b, qualifies, value)).over()
                            .partitionBy(events.keys().stream().map(b::field).toList())
                            .orderBy(b.field(EventsStage.MICROS))
                            .rangeBetween(RexWindowBounds.UNBOUNDED_PRECEDING, RexWindowBounds.CURRENT_ROW)
                            .toRex());
                    names.add(chain(level, step, what));
                }
            }
            b.project(fields, names, true);
            String name = FunnelPlanner.stageName(query, level, "chain");
            String purpose = "level " + level + ": the latest chain that reached step " + level + ", at each event";
            // Each level is read once, by the next; DuckDB plans a few inlined window passes as one
            // query (3 steps at 1M events: 1.42 s against 1.66 s with each written out), but its
            // planning of a long inlined chain grows exponentially with the depth (see SqlRenderer).
            current = steps <= INLINED_UP_TO_STEPS ? context.addInlinedStage(name, purpose, List.of())
                    : context.addStage(name, purpose, List.of());
        }
        // Final state of every level: running maxima end at the maximum; the last level keeps its first chain.
        context.scan(current);
        List<RelBuilder.AggCall> calls = new ArrayList<>();
        RexNode completes = qualifies(b, rules, steps);
        for (int step : trackedSteps(tracked, steps)) {
            for (String what : List.of("order", "micros")) {
                RexNode value = step == steps ? b.field(what.equals("order") ? EventsStage.ORDER : EventsStage.MICROS)
                        : b.field(chain(steps - 1, step, what));
                calls.add(b.min(when(b, completes, value)).as(chain(steps, step, what)));
            }
        }
        for (int level = 1; level < steps; level++) {
            for (int step : trackedSteps(tracked, level)) {
                for (String what : List.of("order", "micros")) {
                    calls.add(b.max(b.field(chain(level, step, what))).as(chain(level, step, what)));
                }
            }
        }
        b.aggregate(b.groupKey(events.keys().stream().map(b::field).toList()), calls);
        context.addStage(FunnelPlanner.stageName(query, steps, "chains"), "each key's final chains", List.of());
        return attempts(context, events, steps, tracked);
    }

    /** Whether the event extends level {@code level - 1}'s chain to step {@code level}. */
    private static RexNode qualifies(RelBuilder b, FunnelRules rules, int level) {
        RexNode isStep = isSet(b, b.field(FunnelPlanner.stepFlag(level)));
        if (level == 1) {
            return isStep;
        }
        RexNode previous = b.field(chain(level - 1, level - 1, "micros"));
        RexNode anchor = b.field(chain(level - 1, rules.anchorAtFirstStep() ? 1 : level - 1, "micros"));
        RexNode micros = b.field(EventsStage.MICROS);
        List<RexNode> conditions = new ArrayList<>(List.of(isStep, b.isNotNull(previous),
                FunnelPlanner.inside(b, rules, micros, anchor)));
        if (rules.tiesForbidden()) {
            conditions.add(b.greaterThan(micros, previous));
        }
        return b.and(conditions);
    }

    /** The steps level {@code level}'s chain carries: the ones reports need, and its own last step. */
    static SortedSet<Integer> trackedSteps(SortedSet<Integer> tracked, int level) {
        SortedSet<Integer> steps = new TreeSet<>(tracked.headSet(level));
        steps.add(level);
        return steps;
    }

    /** The attempt shape: the highest level reached and that level's chain. */
    static Stage attempts(PlanContext<FunnelQuery> context, EventsStage.Events events, int steps, SortedSet<Integer> tracked) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        context.scan(context.stages().get(context.stages().size() - 1));
        List<RexNode> levelCases = new ArrayList<>();
        for (int level = steps; level >= 1; level--) {
            levelCases.add(b.isNotNull(b.field(chain(level, level, "order"))));
            levelCases.add(number(b, level));
        }
        levelCases.add(number(b, 0));
        List<RexNode> withLevel = new ArrayList<>(b.fields());
        List<String> withLevelNames = new ArrayList<>(b.peek().getRowType().getFieldNames());
        withLevel.add(b.call(SqlStdOperatorTable.CASE, levelCases));
        withLevelNames.add(AttemptColumns.LEVEL);
        b.project(withLevel, withLevelNames, true);
        Stage levels = context.addStage(FunnelPlanner.stageName(query, steps, "levels"),
                "each key's furthest level", List.of());
        context.scan(levels);
        RexNode level = b.field(AttemptColumns.LEVEL);
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>(events.keys());
        events.keys().forEach(key -> fields.add(b.field(key)));
        fields.add(level);
        names.add(AttemptColumns.LEVEL);
        for (int step = 1; step <= steps; step++) {
            for (String what : List.of("order", "micros")) {
                List<RexNode> cases = new ArrayList<>();
                for (int reached = step; reached <= steps; reached++) {
                    if (trackedSteps(tracked, reached).contains(step)) {
                        cases.add(b.equals(level, number(b, reached)));
                        cases.add(b.field(chain(reached, step, what)));
                    }
                }
                cases.add(b.getRexBuilder().makeNullLiteral(b.field(chain(step, step, what)).getType()));
                fields.add(cases.size() == 1 ? cases.get(0) : b.call(SqlStdOperatorTable.CASE, cases));
                names.add(what.equals("order") ? AttemptColumns.order(step) : AttemptColumns.micros(step));
            }
        }
        b.project(fields, names, true);
        return context.addStage(FunnelPlanner.stageName(query, steps, "attempts"),
                "each key's furthest level and the chain that reached it", List.of());
    }
}
