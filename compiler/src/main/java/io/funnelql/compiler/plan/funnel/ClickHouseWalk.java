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
 * allow_reentry, whose scan stops at the first violating entry, and under strict_once (ties
 * forbidden), which keeps every candidate chain: a walk. The entry list is built as ClickHouse
 * builds it (one entry per true step condition of a row, plus a step-0 entry for a row matching
 * no step under strict_order) and numbered per key in (time, step, event order); a recursive
 * stage then visits each key's entries one per iteration, carrying the scan's state as columns:
 * per level, the chain that reached it (the steps the reports read, see
 * {@link ClickHouseLatestWindows#chain}) or, under strict_once, a summary of its candidates
 * ({@link CandidateTransition}); and the next entry to visit (NULL once the scan stops or the
 * entries run out). The state update is one CASE per column. The row whose next entry is NULL
 * is the key's final state, read by the same attempt shape as the window strategy.
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

    /** Whether ClickHouse's scan (entry latest) needs the walk: its modes that stop or skip mid-scan, and strict_once. */
    static boolean needed(FunnelRules rules) {
        return rules.strictOrder() || rules.strictDeduplication() || rules.allowReentry() || rules.strictOnce();
    }

    static Stage build(PlanContext<FunnelQuery> context, EventsStage.Events events, FunnelRules rules, SortedSet<Integer> tracked) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        List<String> keys = events.keys();
        int steps = rules.steps();

        Stage numbered = numberedEntries(context, events, rules);

        // The walk's columns: the key, the entry just visited, the next one, every level's state.
        List<String> walkNames = new ArrayList<>(keys);
        walkNames.addAll(List.of(ENTRY_NUMBER, NEXT_ENTRY));
        List<String> stateColumns = rules.strictOnce() ? CandidateTransition.columns(steps) : ChainTransition.columns(steps, tracked);
        walkNames.addAll(stateColumns);

        // Anchor: every key with entries, before its first entry.
        context.scan(numbered);
        b.filter(b.equals(b.field(ENTRY_NUMBER), number(b, 1)));
        List<RexNode> anchor = new ArrayList<>(keys.stream().map(b::field).toList());
        anchor.add(bigint(b, number(b, 0)));
        anchor.add(bigint(b, number(b, 1)));
        for (int i = 0; i < stateColumns.size(); i++) {
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
        Transition transition = rules.strictOnce()
                ? new CandidateTransition(b, rules, state, entry)
                : new ChainTransition(b, rules, state, entry, tracked);

        List<RexNode> step = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            step.add(b.field(i));
        }
        step.add(bigint(b, entry.apply(ENTRY_NUMBER)));
        List<RexNode> stops = transition.stops(entry.apply(ENTRY_NUMBER), entry.apply(ENTRY_COUNT));
        step.add(bigint(b, b.call(SqlStdOperatorTable.CASE, b.or(stops), nullBigint(b),
                b.call(SqlStdOperatorTable.PLUS, entry.apply(ENTRY_NUMBER), number(b, 1)))));
        for (RexNode value : transition.values()) {
            step.add(bigint(b, value));
        }
        b.project(step, walkNames, true);
        Stage scan = context.addRecursiveStage(walk);

        // The final state: the row where the scan stopped or the entries ran out.
        context.scan(scan);
        b.filter(b.isNull(b.field(NEXT_ENTRY)));
        Stage last = context.addStage(FunnelPlanner.stageName(query, steps, rules.strictOnce() ? "candidates" : "chains"),
                "each key's final state", List.of(new Stage.DeclaredKey(keys, "a key's walk has one row without a next entry: its last")));
        return rules.strictOnce() ? CandidateTransition.attempts(context, last, keys, steps)
                : ClickHouseLatestWindows.attempts(context, events, steps, tracked);
    }

    /**
     * ClickHouse's entry list, numbered per key in its order (time, step, event order): one entry
     * per true step condition of a row, plus a step-0 entry for a row matching no step under
     * strict_order. Unique on (key, {@link #ENTRY_NUMBER}).
     */
    static Stage numberedEntries(PlanContext<FunnelQuery> context, EventsStage.Events events, FunnelRules rules) {
        FunnelQuery query = context.query();
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
        return context.addStage(FunnelPlanner.stageName(query, 1, "numbered_entries"),
                "the entries numbered per key in ClickHouse's order: time, step, event order",
                List.of(new Stage.DeclaredKey(entryKey, "ROW_NUMBER() numbers each key's entries 1, 2, 3, ...")));

    }

    private static List<String> withColumn(List<String> columns, String column) {
        List<String> result = new ArrayList<>(columns);
        result.add(column);
        return result;
    }

    /** One entry's effect on the walk's state, as expressions over the state and the entry. */
    private abstract static class Transition {
        final RelBuilder b;
        final FunnelRules rules;
        final Function<String, RexNode> state;
        final RexNode step;
        final RexNode micros;
        final RexNode order;

        Transition(RelBuilder b, FunnelRules rules, Function<String, RexNode> state, Function<String, RexNode> entry) {
            this.b = b;
            this.rules = rules;
            this.state = state;
            this.step = entry.apply(ENTRY_STEP);
            this.micros = entry.apply(EventsStage.MICROS);
            this.order = entry.apply(EventsStage.ORDER);
        }

        RexNode isStep(int k) {
            return b.equals(step, number(b, k));
        }

        /** Whether an event at the entry's time is inside the window that starts at {@code anchor}. */
        RexNode inside(RexNode anchor) {
            return FunnelPlanner.inside(b, rules, micros, anchor);
        }

        /** Level {@code level} holds a chain. */
        abstract RexNode set(int level);

        RexNode unset(int level) {
            return b.not(set(level));
        }

        /** The entry fills level {@code level} (≥ 2) from level {@code level - 1}. */
        abstract RexNode extends_(int level);

        /** The state columns' new values, in {@code columns()} order. */
        abstract List<RexNode> values();

        /** The conditions that end the walk at this entry (ClickHouse's "return false"): a mode's stop, the funnel complete, no entry left. */
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
            stops.add(extends_(steps));
            stops.add(b.equals(entryNumber, entryCount));
            return stops;
        }
    }

    /**
     * ClickHouseScan.State.visit: level k holds one chain, the latest that reached it, with the
     * steps the reports read ({@link ClickHouseLatestWindows#chain}); an extension copies level
     * k-1's chain and adds the entry.
     */
    private static final class ChainTransition extends Transition {
        private final SortedSet<Integer> tracked;

        ChainTransition(RelBuilder b, FunnelRules rules, Function<String, RexNode> state, Function<String, RexNode> entry,
                SortedSet<Integer> tracked) {
            super(b, rules, state, entry);
            this.tracked = tracked;
        }

        static List<String> columns(int steps, SortedSet<Integer> tracked) {
            List<String> columns = new ArrayList<>();
            for (int level = 1; level <= steps; level++) {
                for (int step : ClickHouseLatestWindows.trackedSteps(tracked, level)) {
                    for (String what : List.of("order", "micros")) {
                        columns.add(ClickHouseLatestWindows.chain(level, step, what));
                    }
                }
            }
            return columns;
        }

        private RexNode chain(int level, int step, String what) {
            return state.apply(ClickHouseLatestWindows.chain(level, step, what));
        }

        @Override
        RexNode set(int level) {
            return b.isNotNull(chain(level, level, "order"));
        }

        @Override
        RexNode unset(int level) {
            return b.isNull(chain(level, level, "order"));
        }

        @Override
        RexNode extends_(int level) {
            RexNode previous = chain(level - 1, level - 1, "micros");
            RexNode anchor = chain(level - 1, rules.anchorAtFirstStep() ? 1 : level - 1, "micros");
            List<RexNode> conditions = new ArrayList<>(List.of(isStep(level), set(level - 1), inside(anchor)));
            if (rules.tiesForbidden()) {
                conditions.add(b.greaterThan(micros, previous));
            }
            if (rules.strictDeduplication()) {
                conditions.add(unset(level)); // the repeat stops the scan instead
            }
            return b.and(conditions);
        }

        @Override
        List<RexNode> values() {
            List<RexNode> values = new ArrayList<>();
            for (int level = 1; level <= rules.steps(); level++) {
                RexNode filled = level == 1 ? isStep(1) : extends_(level);
                for (int chainStep : ClickHouseLatestWindows.trackedSteps(tracked, level)) {
                    for (String what : List.of("order", "micros")) {
                        RexNode value = chainStep == level ? (what.equals("order") ? order : micros)
                                : chain(level - 1, chainStep, what);
                        values.add(b.call(SqlStdOperatorTable.CASE, filled, value, chain(level, chainStep, what)));
                    }
                }
            }
            return values;
        }
    }

    /**
     * ClickHouseStrictOnceScan under ties forbidden: level k keeps every candidate chain, but a
     * candidate can only be extended by a later event, inside its window; as the scan only moves
     * forward in time, the candidates are summed up by three numbers per level: the latest
     * candidate's last time, the largest anchor among the candidates ending then, and the largest
     * anchor among those ending earlier (the only ones an entry at that same time may extend).
     * Window pruning never removes the largest anchor while it can still be extended, and never
     * empties a level. The chain ClickHouse reports is not tracked: only the level is.
     */
    private static final class CandidateTransition extends Transition {
        CandidateTransition(RelBuilder b, FunnelRules rules, Function<String, RexNode> state, Function<String, RexNode> entry) {
            super(b, rules, state, entry);
        }

        static String last(int level) {
            return "level_" + level + "_last";
        }

        static String anchor(int level) {
            return "level_" + level + "_anchor";
        }

        static String olderAnchor(int level) {
            return "level_" + level + "_older_anchor";
        }

        static List<String> columns(int steps) {
            List<String> columns = new ArrayList<>();
            for (int level = 1; level <= steps; level++) {
                columns.addAll(List.of(last(level), anchor(level), olderAnchor(level)));
            }
            return columns;
        }

        /** The larger of two possibly NULL values (NULL only when both are). */
        private RexNode larger(RexNode x, RexNode y) {
            return b.call(SqlStdOperatorTable.CASE, b.or(b.isNull(x), b.greaterThan(y, x)), y, x);
        }

        @Override
        RexNode set(int level) {
            return b.isNotNull(state.apply(last(level)));
        }

        @Override
        RexNode unset(int level) {
            return b.isNull(state.apply(last(level)));
        }

        /** The largest anchor among level {@code level}'s candidates that end before the entry's time. */
        private RexNode extendableAnchor(int level) {
            RexNode latest = state.apply(last(level));
            return b.call(SqlStdOperatorTable.CASE, b.lessThan(latest, micros),
                    larger(state.apply(anchor(level)), state.apply(olderAnchor(level))), state.apply(olderAnchor(level)));
        }

        @Override
        RexNode extends_(int level) {
            RexNode best = extendableAnchor(level - 1);
            List<RexNode> conditions = new ArrayList<>(List.of(isStep(level), b.isNotNull(best), inside(best)));
            if (rules.strictDeduplication()) {
                conditions.add(unset(level)); // the repeat stops the scan instead
            }
            return b.and(conditions);
        }

        @Override
        List<RexNode> values() {
            List<RexNode> values = new ArrayList<>();
            for (int level = 1; level <= rules.steps(); level++) {
                RexNode added = level == 1 ? isStep(1) : extends_(level);
                RexNode newAnchor = level == 1 || !rules.anchorAtFirstStep() ? micros : extendableAnchor(level - 1);
                RexNode latest = state.apply(last(level));
                RexNode later = b.or(b.isNull(latest), b.greaterThan(micros, latest));
                values.add(b.call(SqlStdOperatorTable.CASE, added, micros, latest));
                values.add(b.call(SqlStdOperatorTable.CASE, b.and(added, later), newAnchor,
                        added, larger(state.apply(anchor(level)), newAnchor), state.apply(anchor(level))));
                values.add(b.call(SqlStdOperatorTable.CASE, b.and(added, b.isNotNull(latest), b.greaterThan(micros, latest)),
                        larger(state.apply(olderAnchor(level)), state.apply(anchor(level))), state.apply(olderAnchor(level))));
            }
            return values;
        }

        /** The attempt shape with the level only: the highest level holding a candidate. */
        static Stage attempts(PlanContext<FunnelQuery> context, Stage last, List<String> keys, int steps) {
            RelBuilder b = context.builder();
            context.scan(last);
            List<RexNode> cases = new ArrayList<>();
            for (int level = steps; level >= 1; level--) {
                cases.add(b.isNotNull(b.field(last(level))));
                cases.add(number(b, level));
            }
            cases.add(number(b, 0));
            List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
            fields.add(b.call(SqlStdOperatorTable.CASE, cases));
            b.project(fields, withColumn(keys, AttemptColumns.LEVEL), true);
            return context.addStage(FunnelPlanner.stageName(context.query(), steps, "levels"),
                    "each key's furthest level", List.of());
        }
    }
}
