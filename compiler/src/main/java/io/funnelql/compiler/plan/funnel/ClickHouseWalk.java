package io.funnelql.compiler.plan.funnel;

import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelRules;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.function.Function;

import static io.funnelql.compiler.plan.PlanHelpers.bigint;
import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.nullBigint;
import static io.funnelql.compiler.plan.PlanHelpers.number;

/**
 * ClickHouse's windowFunnel (entry latest) under strict_order, strict_deduplication and
 * allow_reentry, whose scan stops at the first violating entry: a walk. The entry list is built
 * as ClickHouse builds it (one entry per true step condition of a row, plus a step-0 entry for a
 * row matching no step under strict_order) and numbered per key in (time, step, event order);
 * a recursive stage then visits each key's entries one per iteration, carrying the scan's state
 * as columns: per level, the chain that reached it (the steps the reports read, see
 * {@link ClickHouseLatestWindows#chain}), and the next entry to visit (NULL once the scan stops
 * or the entries run out). The state update is one CASE per column. The row whose next entry is
 * NULL is the key's final state, read by the same attempt shape as the window strategy.
 *
 * <p>Cost: one iteration per entry of the key with the most entries (until its scan stops);
 * each iteration joins the keys still walking to their next entry.
 */
final class ClickHouseWalk {
    static final String ENTRY_STEP = "entry_step";
    static final String ENTRY_NUMBER = "entry_number";
    static final String ENTRY_COUNT = "entry_count";
    static final String NEXT_ENTRY = "next_entry";

    private ClickHouseWalk() {}

    /** Whether ClickHouse's scan (entry latest) needs the walk: its modes that stop or skip mid-scan. */
    static boolean needed(FunnelRules rules) {
        return rules.strictOrder() || rules.strictDeduplication() || rules.allowReentry();
    }

    static Stage build(PlanContext context, EventsStage.Events events, FunnelRules rules, SortedSet<Integer> tracked) {
        FunnelQuery query = (FunnelQuery) context.query();
        RelBuilder b = context.builder();
        List<String> keys = events.keys();
        int steps = rules.steps();

        // The entry list: one select per step, and the rows matching no step under strict_order.
        int branches = 0;
        for (int step = rules.strictOrder() ? 0 : 1; step <= steps; step++) {
            context.scan(events.stage());
            if (step == 0) {
                List<RexNode> none = new ArrayList<>();
                for (int k = 1; k <= steps; k++) {
                    none.add(b.equals(b.field(FunnelPlanner.stepFlag(k)), number(b, 0)));
                }
                b.filter(none);
            } else {
                b.filter(isSet(b, b.field(FunnelPlanner.stepFlag(step))));
            }
            List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
            fields.add(b.field(EventsStage.ORDER));
            fields.add(b.field(EventsStage.MICROS));
            fields.add(number(b, step));
            List<String> names = new ArrayList<>(keys);
            names.addAll(List.of(EventsStage.ORDER, EventsStage.MICROS, ENTRY_STEP));
            b.project(fields, names, true);
            branches++;
        }
        b.union(true, branches);
        Stage entries = context.addStage(FunnelPlanner.stageName(query, 1, "entries"),
                "ClickHouse's entry list: one entry per true step condition"
                        + (rules.strictOrder() ? ", and a step-0 entry per row matching no step" : ""), List.of());

        context.scan(entries);
        List<RexNode> entryOrder = List.of(b.field(EventsStage.MICROS), b.field(ENTRY_STEP), b.field(EventsStage.ORDER));
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        fields.add(b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over()
                .partitionBy(keys.stream().map(b::field).toList()).orderBy(entryOrder).rowsUnbounded().toRex());
        names.add(ENTRY_NUMBER);
        fields.add(b.count().over()
                .partitionBy(keys.stream().map(b::field).toList()).orderBy(entryOrder).rowsUnbounded().toRex());
        names.add(ENTRY_COUNT);
        b.project(fields, names, true);
        List<String> entryKey = new ArrayList<>(keys);
        entryKey.add(ENTRY_NUMBER);
        Stage numbered = context.addStage(FunnelPlanner.stageName(query, 1, "numbered_entries"),
                "the entries numbered per key in ClickHouse's order: time, step, event order",
                List.of(new Stage.DeclaredKey(entryKey, "ROW_NUMBER() numbers each key's entries 1, 2, 3, ...")));

        // The walk's columns: the key, the entry just visited, the next one, every level's chain.
        List<String> walkNames = new ArrayList<>(keys);
        walkNames.addAll(List.of(ENTRY_NUMBER, NEXT_ENTRY));
        List<String[]> chainColumns = new ArrayList<>(); // {level, step, what}
        for (int level = 1; level <= steps; level++) {
            for (int step : ClickHouseLatestWindows.trackedSteps(tracked, level)) {
                for (String what : List.of("order", "micros")) {
                    chainColumns.add(new String[] {String.valueOf(level), String.valueOf(step), what});
                    walkNames.add(ClickHouseLatestWindows.chain(level, step, what));
                }
            }
        }

        // Anchor: every key with entries, before its first entry.
        context.scan(numbered);
        b.filter(b.equals(b.field(ENTRY_NUMBER), number(b, 1)));
        List<RexNode> anchor = new ArrayList<>(keys.stream().map(b::field).toList());
        anchor.add(bigint(b, number(b, 0)));
        anchor.add(bigint(b, number(b, 1)));
        for (int i = 0; i < chainColumns.size(); i++) {
            anchor.add(nullBigint(b));
        }
        b.project(anchor, walkNames, true);
        List<Stage.DeclaredKey> walkKeys = List.of(new Stage.DeclaredKey(
                withColumn(keys, ENTRY_NUMBER), "each iteration visits the key's next entry once"));
        PlanContext.Recursion walk = context.beginRecursiveStage(FunnelPlanner.stageName(query, 1, "scan"),
                "ClickHouse's scan, one entry per iteration: each level's chain, and the next entry until the scan stops",
                walkKeys);

        // Step: the walk joined to its next entry; the new state.
        context.scan(walk);
        context.scan(numbered);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(b.equals(b.field(2, 0, NEXT_ENTRY), b.field(2, 1, ENTRY_NUMBER)));
        b.join(JoinRelType.INNER, on);
        int walkWidth = walkNames.size();
        List<String> entryNames = numbered.plan().getRowType().getFieldNames();
        Function<String, RexNode> state = name -> b.field(walkNames.indexOf(name));
        Function<String, RexNode> entry = name -> b.field(walkWidth + entryNames.indexOf(name));
        Transition transition = new Transition(b, rules, state, entry);

        List<RexNode> step = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            step.add(b.field(i));
        }
        step.add(bigint(b, entry.apply(ENTRY_NUMBER)));
        List<RexNode> stops = transition.stops(entry.apply(ENTRY_NUMBER), entry.apply(ENTRY_COUNT));
        step.add(bigint(b, b.call(SqlStdOperatorTable.CASE, b.or(stops), nullBigint(b),
                b.call(SqlStdOperatorTable.PLUS, entry.apply(ENTRY_NUMBER), number(b, 1)))));
        for (String[] column : chainColumns) {
            step.add(bigint(b, transition.chainValue(Integer.parseInt(column[0]), Integer.parseInt(column[1]), column[2])));
        }
        b.project(step, walkNames, true);
        Stage scan = context.addRecursiveStage(walk);

        // The final state: the row where the scan stopped or the entries ran out.
        context.scan(scan);
        b.filter(b.isNull(b.field(NEXT_ENTRY)));
        context.addStage(FunnelPlanner.stageName(query, steps, "chains"), "each key's final chains",
                List.of(new Stage.DeclaredKey(keys, "a key's walk has one row without a next entry: its last")));
        return ClickHouseLatestWindows.attempts(context, events, steps, tracked);
    }

    private static List<String> withColumn(List<String> columns, String column) {
        List<String> result = new ArrayList<>(columns);
        result.add(column);
        return result;
    }

    /** ClickHouse's scan step (ClickHouseScan.State.visit) for one entry, as expressions over the walk's state and the entry. */
    private static final class Transition {
        private final RelBuilder b;
        private final FunnelRules rules;
        private final Function<String, RexNode> state;
        private final RexNode step;
        private final RexNode micros;
        private final RexNode order;

        Transition(RelBuilder b, FunnelRules rules, Function<String, RexNode> state, Function<String, RexNode> entry) {
            this.b = b;
            this.rules = rules;
            this.state = state;
            this.step = entry.apply(ENTRY_STEP);
            this.micros = entry.apply(EventsStage.MICROS);
            this.order = entry.apply(EventsStage.ORDER);
        }

        private RexNode chain(int level, int step, String what) {
            return state.apply(ClickHouseLatestWindows.chain(level, step, what));
        }

        /** Level {@code level} holds a chain. */
        private RexNode set(int level) {
            return b.isNotNull(chain(level, level, "order"));
        }

        private RexNode unset(int level) {
            return b.isNull(chain(level, level, "order"));
        }

        private RexNode isStep(int k) {
            return b.equals(step, number(b, k));
        }

        /** The entry extends level {@code level - 1}'s chain to level {@code level} (level ≥ 2). */
        private RexNode extends_(int level) {
            RexNode previous = chain(level - 1, level - 1, "micros");
            RexNode anchor = chain(level - 1, rules.anchorAtFirstStep() ? 1 : level - 1, "micros");
            RexNode end = b.call(SqlStdOperatorTable.PLUS, anchor, number(b, rules.window()));
            List<RexNode> conditions = new ArrayList<>(List.of(isStep(level), set(level - 1),
                    rules.exclusiveBound() ? b.lessThan(micros, end) : b.lessThanOrEqual(micros, end)));
            if (rules.tiesForbidden()) {
                conditions.add(b.greaterThan(micros, previous));
            }
            if (rules.strictDeduplication()) {
                conditions.add(unset(level)); // the repeat stops the scan instead
            }
            return b.and(conditions);
        }

        /** The new value of a chain column: the entry's own when it fills that level's step, the chain below's when it extends it. */
        RexNode chainValue(int level, int chainStep, String what) {
            RexNode filled = level == 1 ? isStep(1) : extends_(level);
            RexNode value = chainStep == level ? (what.equals("order") ? order : micros) : chain(level - 1, chainStep, what);
            return b.call(SqlStdOperatorTable.CASE, filled, value, chain(level, chainStep, what));
        }

        /** The conditions that end the walk at this entry: a mode's stop, the last level filled, no entry left. */
        List<RexNode> stops(RexNode entryNumber, RexNode entryCount) {
            int steps = rules.steps();
            List<RexNode> stops = new ArrayList<>();
            if (rules.strictOrder()) {
                stops.add(b.and(isStep(0), set(1))); // a row matching no step, after the first step-1 entry
            }
            if (rules.strictDeduplication()) {
                List<RexNode> repeats = new ArrayList<>();
                for (int level = 2; level <= steps; level++) {
                    repeats.add(b.and(isStep(level), set(level)));
                }
                stops.add(b.or(repeats));
            }
            if (rules.strictOrder() && !rules.allowReentry()) {
                List<RexNode> premature = new ArrayList<>();
                for (int level = 2; level <= steps; level++) {
                    premature.add(b.and(isStep(level), unset(level - 1)));
                }
                stops.add(b.and(set(1), b.or(premature)));
            }
            if (steps >= 2) {
                stops.add(extends_(steps));
            }
            stops.add(b.equals(entryNumber, entryCount));
            return stops;
        }
    }
}
