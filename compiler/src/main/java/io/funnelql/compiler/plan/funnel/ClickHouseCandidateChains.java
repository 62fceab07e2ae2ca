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
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import static io.funnelql.compiler.plan.PlanHelpers.bigint;
import static io.funnelql.compiler.plan.PlanHelpers.nullBigint;
import static io.funnelql.compiler.plan.PlanHelpers.number;
import static io.funnelql.compiler.plan.PlanHelpers.when;

/**
 * ClickHouse's windowFunnel under strict_once (entry latest) where no bounded per-key state
 * decides the answer: with ties allowed (rows sharing a timestamp fill several steps of one chain,
 * each row once, so reaching a level is a matching of rows to steps), or when the reports read
 * the chain ClickHouse returns (an exclusion, a breakdown, time to convert). ClickHouse keeps every
 * candidate chain per level; so does this plan, as rows, then reduces them to one per key:
 *
 * <ol>
 * <li>candidates of level k: every chain of level k−1 joined to every later step-k entry of its key
 *     that it may take (inside the window, not before its last step — strictly after with ties
 *     forbidden — and not a row it already holds); a chain is identified by its entries;</li>
 * <li>the scan's end: the first entry at which ClickHouse's scan stops (a row matching nothing,
 *     a repeated level under strict_deduplication, a skipped level under strict_order), decided
 *     from the first chain of each level, or the entry that completes the funnel;</li>
 * <li>the level: the highest one with a chain before the end;</li>
 * <li>the chain reported: ClickHouse's list of that level is in creation order — by last entry,
 *     then by the order of the chain it extended, i.e. by the entries read from last to first —
 *     and is pruned of chains outside the window whenever an entry of the next step arrives
 *     (keeping one when all are outside). The survivor listed first is the first chain still
 *     inside the window at the last prune that found one inside; when no prune found one, the
 *     first chain of the list.</li>
 * </ol>
 *
 * <p>Cost: the number of candidate chains, as in ClickHouse (its issue 93789): per key, up to the
 * product of the step entries that fit in one window. Used only for these cases; strict_once with
 * ties forbidden and per-key or steps reports runs as a walk ({@link ClickHouseWalk}).
 */
final class ClickHouseCandidateChains {
    static final String CHAIN_LEVEL = "chain_level";
    static final String LAST_ENTRY = "last_entry";
    static final String ANCHOR = "anchor_micros";
    static final String POSITION = "list_position";

    private static final String FIRST = "first_at_level_";
    private static final String STOP = "stop_entry";
    private static final String ENTRIES = "entries";
    private static final String END = "end_entry";
    private static final String LEVEL_FIRST = "level_first_entry";
    private static final String PRUNE = "prune_entry";
    private static final String PRUNE_MICROS = "prune_micros";
    private static final String LAST_PRUNE = "last_prune";
    private static final String BEST_PRUNE = "best_prune";
    private static final String REPORTED = "reported_position";

    private ClickHouseCandidateChains() {}

    /** Whether this plan is needed: the cases above; the walk covers the rest of strict_once. */
    static boolean needed(FunnelQuery query, FunnelRules rules) {
        return rules.strictOnce() && (!rules.tiesForbidden() || !query.exclusions().isEmpty()
                || query.breakdown().isPresent() || query.report() == FunnelReport.TIME_TO_CONVERT);
    }

    static String entry(int step) {
        return "step_" + step + "_entry";
    }

    static Stage build(PlanContext<FunnelQuery> context, EventsStage.Events events, FunnelRules rules) {
        FunnelQuery query = context.query();
        List<String> keys = events.keys();
        int steps = rules.steps();
        Stage numbered = ClickHouseWalk.numberedEntries(context, events, rules);
        List<Stage> byLevel = new ArrayList<>();
        for (int level = 1; level <= steps; level++) {
            byLevel.add(candidatesOfLevel(context, numbered, level == 1 ? null : byLevel.get(level - 2), level, rules, keys));
        }
        Stage candidates = listed(context, byLevel, keys, rules);
        Stage ends = scanEnds(context, numbered, candidates, keys, rules);
        Stage reached = reachedLevel(context, candidates, ends, keys, steps);
        Stage prunes = prunes(context, numbered, ends, keys);
        Stage reported = reportedPositions(context, reached, prunes, keys, rules);
        return attempts(context, reached, reported, ends, keys, steps, query);
    }

    /** Level 1: every step-1 entry; level k: a level k−1 chain extended by a step-k entry it may take. */
    private static Stage candidatesOfLevel(PlanContext<FunnelQuery> context, Stage numbered, Stage below, int level, FunnelRules rules,
                                           List<String> keys) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        String name = FunnelPlanner.stageName(query, level, "candidates_" + level);
        List<String> names = new ArrayList<>(keys);
        for (int step = 1; step <= level; step++) {
            names.addAll(List.of(entry(step), AttemptColumns.order(step), AttemptColumns.micros(step)));
        }
        List<String> chainKey = new ArrayList<>(keys);
        for (int step = 1; step <= level; step++) {
            chainKey.add(entry(step));
        }
        List<Stage.DeclaredKey> declared = List.of(new Stage.DeclaredKey(chainKey, "a chain is its entries"));
        if (below == null) {
            context.scan(numbered);
            b.filter(b.equals(b.field(ClickHouseWalk.ENTRY_STEP), number(b, 1)));
            List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
            fields.addAll(List.of(b.field(ClickHouseWalk.ENTRY_NUMBER), b.field(EventsStage.ORDER), b.field(EventsStage.MICROS)));
            b.project(fields, names, true);
            return context.addStage(name, "candidate chains of level 1: every step-1 entry", declared);
        }
        context.scan(below);
        context.scan(numbered);
        RexNode micros = b.field(2, 1, EventsStage.MICROS);
        RexNode previous = b.field(2, 0, AttemptColumns.micros(level - 1));
        RexNode anchor = rules.anchorAtFirstStep() ? b.field(2, 0, AttemptColumns.micros(1)) : previous;
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(b.equals(b.field(2, 1, ClickHouseWalk.ENTRY_STEP), number(b, level)));
        on.add(rules.tiesForbidden() ? b.greaterThan(micros, previous) : b.greaterThanOrEqual(micros, previous));
        on.add(FunnelPlanner.inside(b, rules, micros, anchor));
        for (int step = 1; step < level; step++) {
            on.add(b.notEquals(b.field(2, 1, EventsStage.ORDER), b.field(2, 0, AttemptColumns.order(step))));
        }
        b.join(JoinRelType.INNER, on);
        int belowWidth = below.plan().getRowType().getFieldCount();
        List<String> entryNames = numbered.plan().getRowType().getFieldNames();
        List<RexNode> fields = new ArrayList<>();
        for (int i = 0; i < belowWidth; i++) {
            fields.add(b.field(i));
        }
        fields.add(b.field(belowWidth + entryNames.indexOf(ClickHouseWalk.ENTRY_NUMBER)));
        fields.add(b.field(belowWidth + entryNames.indexOf(EventsStage.ORDER)));
        fields.add(b.field(belowWidth + entryNames.indexOf(EventsStage.MICROS)));
        b.project(fields, names, true);
        return context.addEnumeratingStage(name, "candidate chains of level " + level + ": each level " + (level - 1)
                        + " chain with every step-" + level + " entry it may take", declared,
                "every candidate chain, as ClickHouse's strict_once keeps them; reduced to the first chain of each"
                        + " level and to the reported chain, one row per key, before anything is counted");
    }

    /** Every level's chains in one relation, numbered in ClickHouse's list order within their level. */
    private static Stage listed(PlanContext<FunnelQuery> context, List<Stage> byLevel, List<String> keys, FunnelRules rules) {
        RelBuilder b = context.builder();
        int steps = rules.steps();
        List<String> names = new ArrayList<>(keys);
        names.addAll(List.of(CHAIN_LEVEL, LAST_ENTRY, ANCHOR));
        for (int step = 1; step <= steps; step++) {
            names.addAll(List.of(entry(step), AttemptColumns.order(step), AttemptColumns.micros(step)));
        }
        for (int level = 1; level <= steps; level++) {
            context.scan(byLevel.get(level - 1));
            List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
            fields.add(bigint(b, number(b, level)));
            fields.add(b.field(entry(level)));
            fields.add(b.field(AttemptColumns.micros(rules.anchorAtFirstStep() ? 1 : level)));
            for (int step = 1; step <= steps; step++) {
                boolean held = step <= level;
                fields.add(held ? b.field(entry(step)) : nullBigint(b));
                fields.add(held ? b.field(AttemptColumns.order(step)) : nullBigint(b));
                fields.add(held ? b.field(AttemptColumns.micros(step)) : nullBigint(b));
            }
            b.project(fields, names, true);
        }
        b.union(true, steps);
        Stage all = context.addStage(ColumnNames.stageName(context.query(), "candidates"),
                "the candidate chains of every level", List.of());

        context.scan(all);
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> withPosition = new ArrayList<>(names);
        List<RexNode> partition = new ArrayList<>(keys.stream().map(b::field).toList());
        partition.add(b.field(CHAIN_LEVEL));
        List<RexNode> listOrder = new ArrayList<>();
        for (int step = steps; step >= 1; step--) {
            listOrder.add(b.field(entry(step))); // NULL beyond the level: equal within one level
        }
        fields.add(b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over().partitionBy(partition).orderBy(listOrder)
                .rowsUnbounded().toRex());
        withPosition.add(POSITION);
        b.project(fields, withPosition, true);
        List<String> positionKey = new ArrayList<>(keys);
        positionKey.addAll(List.of(CHAIN_LEVEL, POSITION));
        return context.addStage(ColumnNames.stageName(context.query(), "listed_candidates"),
                "each level's chains in ClickHouse's list order: by entries from the last to the first",
                List.of(new Stage.DeclaredKey(positionKey, "ROW_NUMBER() numbers each level's chains per key")));
    }

    /**
     * Per key: the entry at which the scan ends (the first stopping entry, or the one after the
     * entry that completes the funnel, or after the last entry), the level reached before it and
     * that level's first chain.
     */
    private static Stage scanEnds(PlanContext<FunnelQuery> context, Stage numbered, Stage candidates, List<String> keys,
                                  FunnelRules rules) {
        RelBuilder b = context.builder();
        int steps = rules.steps();
        context.scan(candidates);
        List<RelBuilder.AggCall> firsts = new ArrayList<>();
        for (int level = 1; level <= steps; level++) {
            firsts.add(b.min(when(b, b.equals(b.field(CHAIN_LEVEL), number(b, level)), b.field(LAST_ENTRY)))
                    .as(FIRST + level));
        }
        b.aggregate(b.groupKey(keys.stream().map(b::field).toList()), firsts);
        Stage firstChains = context.addStage(ColumnNames.stageName(context.query(), "first_chains"),
                "per key, the entry that created each level's first chain", List.of());

        context.scan(numbered);
        context.scan(firstChains);
        b.join(JoinRelType.LEFT, PlanHelpers.keysEqual(b, keys));
        int entryWidth = numbered.plan().getRowType().getFieldCount();
        List<String> firstNames = firstChains.plan().getRowType().getFieldNames();
        RexNode number = b.field(ClickHouseWalk.ENTRY_NUMBER);
        RexNode step = b.field(ClickHouseWalk.ENTRY_STEP);
        IntFunction<RexNode> first = level -> b.field(entryWidth + firstNames.indexOf(FIRST + level));
        IntFunction<RexNode> set = level -> b.lessThan(first.apply(level), number);
        IntFunction<RexNode> unset = level -> b.or(b.isNull(first.apply(level)),
                b.greaterThanOrEqual(first.apply(level), number));
        List<RexNode> stops = new ArrayList<>();
        if (rules.strictOrder()) {
            stops.add(b.and(b.equals(step, number(b, 0)), set.apply(1))); // a row matching nothing after the entry
        }
        for (int level = 2; level <= steps; level++) {
            if (rules.strictDeduplication()) {
                stops.add(b.and(b.equals(step, number(b, level)), set.apply(level)));
            }
            if (rules.strictOrder() && !rules.allowReentry()) {
                stops.add(b.and(b.equals(step, number(b, level)), set.apply(1), unset.apply(level - 1)));
            }
        }
        List<RelBuilder.AggCall> calls = new ArrayList<>();
        calls.add(b.min(stops.isEmpty() ? nullBigint(b) : when(b, b.or(stops), number)).as(STOP));
        calls.add(b.max(number).as(ENTRIES));
        for (int level = 1; level <= steps; level++) {
            calls.add(b.max(first.apply(level)).as(FIRST + level));
        }
        b.aggregate(b.groupKey(keys.stream().map(b::field).toList()), calls);
        Stage stopped = context.addStage(ColumnNames.stageName(context.query(), "scan_stops"),
                "per key, the first entry at which the scan stops, the number of entries, each level's first chain",
                List.of());

        context.scan(stopped);
        RexNode complete = b.call(SqlStdOperatorTable.PLUS, b.field(FIRST + steps), number(b, 1));
        RexNode stopOrAll = b.call(SqlStdOperatorTable.COALESCE, b.field(STOP),
                b.call(SqlStdOperatorTable.PLUS, b.field(ENTRIES), number(b, 1)));
        List<RexNode> endFields = new ArrayList<>(keys.stream().map(b::field).toList());
        endFields.add(bigint(b, b.call(SqlStdOperatorTable.CASE, b.lessThan(complete, stopOrAll), complete, stopOrAll)));
        List<String> endNames = new ArrayList<>(keys);
        endNames.add(END);
        for (int level = 1; level <= steps; level++) {
            endFields.add(b.field(FIRST + level));
            endNames.add(FIRST + level);
        }
        b.project(endFields, endNames, true);
        Stage ended = context.addStage(ColumnNames.stageName(context.query(), "scan_ends"),
                "per key, the entry before which the scan ends", List.of());

        context.scan(ended);
        List<RexNode> levelCases = new ArrayList<>();
        List<RexNode> firstCases = new ArrayList<>();
        for (int level = steps; level >= 1; level--) {
            RexNode before = b.lessThan(b.field(FIRST + level), b.field(END));
            levelCases.addAll(List.of(before, number(b, level)));
            firstCases.addAll(List.of(before, b.field(FIRST + level)));
        }
        levelCases.add(number(b, 0));
        firstCases.add(nullBigint(b));
        List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
        fields.add(b.field(END));
        fields.add(b.call(SqlStdOperatorTable.CASE, levelCases));
        fields.add(b.call(SqlStdOperatorTable.CASE, firstCases));
        List<String> names = new ArrayList<>(keys);
        names.addAll(List.of(END, AttemptColumns.LEVEL, LEVEL_FIRST));
        b.project(fields, names, true);
        return context.addStage(ColumnNames.stageName(context.query(), "scan_levels"),
                "per key, the level reached before the scan ends and the entry that first reached it",
                List.of(new Stage.DeclaredKey(keys, "grouped by key")));
    }

    /** The chains of the level each key reached, created before its scan ended. */
    private static Stage reachedLevel(PlanContext<FunnelQuery> context, Stage candidates, Stage ends, List<String> keys, int steps) {
        RelBuilder b = context.builder();
        context.scan(candidates);
        context.scan(ends);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(b.equals(b.field(2, 0, CHAIN_LEVEL), b.field(2, 1, AttemptColumns.LEVEL)));
        on.add(b.lessThan(b.field(2, 0, LAST_ENTRY), b.field(2, 1, END)));
        b.join(JoinRelType.INNER, on);
        List<String> names = candidates.plan().getRowType().getFieldNames();
        List<RexNode> fields = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            fields.add(b.field(i));
        }
        b.project(fields, names, true);
        List<String> positionKey = new ArrayList<>(keys);
        positionKey.add(POSITION);
        return context.addStage(ColumnNames.stageName(context.query(), "reached_chains"),
                "the chains of the level each key reached, created before its scan ended",
                List.of(new Stage.DeclaredKey(positionKey, "one level per key; positions number the chains of a level")));
    }

    /** The entries that prune the reached level's list: the next step's entries after it is reached, before the end. */
    private static Stage prunes(PlanContext<FunnelQuery> context, Stage numbered, Stage ends, List<String> keys) {
        RelBuilder b = context.builder();
        context.scan(numbered);
        context.scan(ends);
        RexNode number = b.field(2, 0, ClickHouseWalk.ENTRY_NUMBER);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(b.equals(b.field(2, 0, ClickHouseWalk.ENTRY_STEP),
                b.call(SqlStdOperatorTable.PLUS, b.field(2, 1, AttemptColumns.LEVEL), number(b, 1))));
        on.add(b.greaterThan(number, b.field(2, 1, LEVEL_FIRST)));
        on.add(b.lessThan(number, b.field(2, 1, END)));
        b.join(JoinRelType.INNER, on);
        List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
        fields.add(b.field(ClickHouseWalk.ENTRY_NUMBER));
        fields.add(b.field(EventsStage.MICROS));
        List<String> names = new ArrayList<>(keys);
        names.addAll(List.of(PRUNE, PRUNE_MICROS));
        b.project(fields, names, true);
        List<String> pruneKey = new ArrayList<>(keys);
        pruneKey.add(PRUNE);
        return context.addStage(ColumnNames.stageName(context.query(), "prunes"),
                "the entries of the next step that prune the reached level's chains",
                List.of(new Stage.DeclaredKey(pruneKey, "entry numbers are unique per key")));
    }

    /**
     * Per key, the position of the reported chain: among the chains inside the window at the last
     * prune that found any inside, the first listed; 1 (the first chain) when no prune did.
     */
    private static Stage reportedPositions(PlanContext<FunnelQuery> context, Stage reached, Stage prunes, List<String> keys,
                                           FunnelRules rules) {
        RelBuilder b = context.builder();
        context.scan(reached);
        context.scan(prunes);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(b.greaterThan(b.field(2, 1, PRUNE), b.field(2, 0, LAST_ENTRY)));
        on.add(FunnelPlanner.inside(b, rules, b.field(2, 1, PRUNE_MICROS), b.field(2, 0, ANCHOR)));
        b.join(JoinRelType.LEFT, on);
        int reachedWidth = reached.plan().getRowType().getFieldCount();
        List<String> pruneNames = prunes.plan().getRowType().getFieldNames();
        List<RexNode> group = new ArrayList<>(keys.stream().map(b::field).toList());
        group.add(b.field(POSITION));
        b.aggregate(b.groupKey(group), b.max(b.field(reachedWidth + pruneNames.indexOf(PRUNE))).as(LAST_PRUNE));
        Stage lastPrunes = context.addStage(ColumnNames.stageName(context.query(), "chain_prunes"),
                "per chain, the last prune that finds it inside the window", List.of());

        context.scan(lastPrunes);
        b.aggregate(b.groupKey(keys.stream().map(b::field).toList()), b.max(b.field(LAST_PRUNE)).as(BEST_PRUNE));
        Stage best = context.addStage(ColumnNames.stageName(context.query(), "best_prunes"),
                "per key, the last prune that finds any chain inside the window", List.of());

        context.scan(lastPrunes);
        context.scan(best);
        b.join(JoinRelType.INNER, PlanHelpers.keysEqual(b, keys));
        int chainWidth = lastPrunes.plan().getRowType().getFieldCount();
        RexNode bestPrune = b.field(chainWidth + best.plan().getRowType().getFieldNames().indexOf(BEST_PRUNE));
        b.aggregate(b.groupKey(keys.stream().map(b::field).toList()),
                b.min(when(b, b.equals(b.field(LAST_PRUNE), bestPrune), b.field(POSITION))).as(REPORTED));
        Stage positions = context.addStage(ColumnNames.stageName(context.query(), "reported_positions"),
                "per key, the list position of the chain the scan reports", List.of());

        context.scan(positions);
        List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
        fields.add(bigint(b, b.call(SqlStdOperatorTable.COALESCE, b.field(REPORTED), number(b, 1))));
        List<String> names = new ArrayList<>(keys);
        names.add(REPORTED);
        b.project(fields, names, true);
        return context.addStage(ColumnNames.stageName(context.query(), "reported_chains"),
                "per key, the reported chain's position: the first listed when no prune found one inside",
                List.of(new Stage.DeclaredKey(keys, "grouped by key")));
    }

    /** The attempt shape: each key's reported chain, and level 0 for a key whose scan reached none. */
    private static Stage attempts(PlanContext<FunnelQuery> context, Stage reached, Stage reported, Stage ends, List<String> keys,
                                  int steps, FunnelQuery query) {
        RelBuilder b = context.builder();
        List<String> names = new ArrayList<>(keys);
        names.add(AttemptColumns.LEVEL);
        for (int step = 1; step <= steps; step++) {
            names.addAll(List.of(AttemptColumns.order(step), AttemptColumns.micros(step)));
        }
        context.scan(reached);
        context.scan(reported);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(b.equals(b.field(2, 0, POSITION), b.field(2, 1, REPORTED)));
        b.join(JoinRelType.INNER, on);
        List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
        fields.add(b.field(CHAIN_LEVEL));
        for (int step = 1; step <= steps; step++) {
            fields.add(b.field(AttemptColumns.order(step)));
            fields.add(b.field(AttemptColumns.micros(step)));
        }
        b.project(fields, names, true);

        context.scan(ends);
        b.filter(b.equals(b.field(AttemptColumns.LEVEL), number(b, 0)));
        List<RexNode> none = new ArrayList<>(keys.stream().map(b::field).toList());
        none.add(bigint(b, number(b, 0)));
        for (int step = 1; step <= steps; step++) {
            none.add(nullBigint(b));
            none.add(nullBigint(b));
        }
        b.project(none, names, true);
        b.union(true, 2);
        return context.addStage(FunnelPlanner.stageName(query, steps, "chains"),
                "each key's reported chain, or level 0",
                List.of(new Stage.DeclaredKey(keys, "one reported chain per key that reached a level, level 0 once"
                        + " for the others")));
    }
}
