package io.funnelql.compiler.plan.funnel;

import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.ExpressionTranslator;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dsl.model.Attribution;
import io.funnelql.dsl.model.Breakdown;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.EntryPolicy;
import io.funnelql.dsl.model.Exclusion;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelReport;
import io.funnelql.dsl.model.FunnelRules;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.Step;
import io.funnelql.dsl.model.expression.Expression;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.number;
import static io.funnelql.compiler.plan.PlanHelpers.when;

/**
 * Plans a funnel: events with step flags, then the strategy the entry policy and profile call
 * for (a straight chain of per-step joins for the per-entry scan, window passes for
 * ClickHouse's latest-chain scan, and a walk, a recursive stage, only where a mode makes the scan
 * stop or restart midway: {@link ClickHouseWalk}, {@link EntryScanWalk}; ClickHouse's strict_once
 * candidates where no bounded state decides: {@link ClickHouseCandidateChains}), then exclusions, the
 * breakdown value and the report. Every strategy ends in the same attempt shape ({@link AttemptColumns}).
 */
public final class FunnelPlanner {
    static final String BREAKDOWN = "breakdown_value";

    private FunnelPlanner() {}

    static String stepFlag(int step) {
        return "step_" + step;
    }

    static String exclusionFlag(int exclusion) {
        return "excluded_" + exclusion;
    }

    /** Whether an event at {@code micros} is inside the window that starts at {@code anchor}: {@link FunnelRules#inside} in SQL. */
    static RexNode inside(RelBuilder b, FunnelRules rules, RexNode micros, RexNode anchor) {
        return notPastEnd(b, rules, micros, b.call(SqlStdOperatorTable.PLUS, anchor, number(b, rules.window())));
    }

    /** Whether {@code value} is not past the window's {@code end}: before it, or at it when the bound is inclusive. */
    static RexNode notPastEnd(RelBuilder b, FunnelRules rules, RexNode value, RexNode end) {
        return rules.exclusiveBound() ? b.lessThan(value, end) : b.lessThanOrEqual(value, end);
    }

    /** A stage named after the spec's step, so the SQL reads like the funnel. */
    static String stageName(FunnelQuery query, int step, String role) {
        String stepName = query.steps().get(step - 1).name().value();
        return ColumnNames.stageName(query, role == null ? "step_" + step + "_" + stepName : role);
    }

    public static void plan(PlanContext<FunnelQuery> context, ExpressionTranslator translator) {
        FunnelQuery query = context.query();
        FunnelRules rules = FunnelRules.of(query);
        // strict_once only stops one row from filling several steps: where no row can match two,
        // ClickHouse's scan reaches the same level without it, and a levels-only report needs no
        // candidate chains (their cost grows with the candidates: 19 s at 1M events on DuckDB).
        String withoutStrictOnce = "";
        if (rules.strictOnce() && query.profile() == Profile.CLICKHOUSE && query.entry() == EntryPolicy.LATEST
                && ClickHouseLevelLookups.applies(query, rules) && DisjointSteps.proven(query.steps())) {
            rules = rules.withoutStrictOnce();
            withoutStrictOnce = "strict_once changes nothing, since no row can match two steps; ";
        }
        Map<String, Expression> flags = new LinkedHashMap<>();
        for (Step step : query.steps()) {
            flags.put(stepFlag(step.index()), step.condition());
        }
        for (int i = 0; i < query.exclusions().size(); i++) {
            flags.put(exclusionFlag(i + 1), query.exclusions().get(i).condition());
        }
        Map<String, Column> carried = new LinkedHashMap<>();
        query.breakdown().ifPresent(breakdown -> carried.put(BREAKDOWN, breakdown.column()));
        boolean aggregateChain = AggregateChain.applies(query, rules);
        boolean clickHouseLatest = query.entry() == EntryPolicy.LATEST && query.profile() == Profile.CLICKHOUSE;
        boolean levelLookups = clickHouseLatest && !ClickHouseCandidateChains.needed(query, rules)
                && !ClickHouseWalk.needed(rules) && ClickHouseLevelLookups.applies(query, rules)
                && context.target().sortsEachWindowPass();
        // The breakdown finds its event by (key, event order).
        boolean ordered = !(aggregateChain || levelLookups) || aggregateChain && AggregateChain.comparesOrder(rules)
                || query.breakdown().isPresent();
        // Every strategy reads only rows that match a step or an exclusion, but strict_order's
        // ClickHouse scan stops at a row matching nothing, and a per-key report lists every key.
        boolean flaggedRowsOnly = !rules.strictOrder() && query.report() != FunnelReport.PER_KEY;
        EventsStage.Request request = new EventsStage.Request(flags,
                query.steps().stream().map(Step::condition).toList(), query.nullConditions(), carried, ordered,
                flaggedRowsOnly, true);
        EventsStage.Events events = EventsStage.build(context, translator, request);

        Stage attempts;
        List<String> attemptKey = new ArrayList<>(events.keys());
        boolean walk = rules.steps() >= 2; // with one step no mode can stop or restart anything
        if (aggregateChain) {
            context.strategy("aggregate chain", AggregateChain.reason(context, rules));
            // Each step reads its rows from the source by its own condition (an engine estimates it and
            // pushes it into the scan), unless the engine shares one scan of the events stage among
            // many steps (TargetDialect.sharesRepeatedScans). Steps after the first join on the key and
            // compare times, which rejects NULL keys and times without a check of their own; step 1
            // on timestamps drops its groups of a NULL key or without a time, per key, not per row.
            boolean rowsFromSource = !context.target().sharesRepeatedScans() || rules.steps() <= AggregateChain.OWN_ROWS_UP_TO_STEPS;
            AggregateChain.StepRows rows = rowsFromSource
                    ? (step, keyAndTimeChecked) -> EventsStage.pushConditionRows(context, translator, request, step.condition(),
                            keyAndTimeChecked)
                    : null;
            if (FunnelReports.countsStepStages(query)) {
                FunnelReports.stepsFromStageCounts(context, AggregateChain.stepStages(context, events, rows, rules, ordered, false));
                return;
            }
            attempts = AggregateChain.build(context, events, rows, rules, ordered,
                    query.report() == FunnelReport.PER_KEY ? () -> keys(context, events) : null);
        } else if (levelLookups) {
            context.strategy("level lookups", withoutStrictOnce + ClickHouseLevelLookups.reason());
            attempts = ClickHouseLevelLookups.build(context, events, rules);
        } else if (clickHouseLatest) {
            if (walk && ClickHouseCandidateChains.needed(query, rules)) {
                context.strategy("candidate chains", "ClickHouse's entry latest with strict_once where no bounded state "
                        + "per key decides the reported chain");
                attempts = ClickHouseCandidateChains.build(context, events, rules);
                if (!rules.strictOrder()) {
                    attempts = withLevelZeroKeys(context, events, attempts,
                            query.steps().stream().map(step -> stepFlag(step.index())).toList());
                }
            } else if (walk && ClickHouseWalk.needed(rules)) {
                context.strategy("walk over ClickHouse's entry list", "a mode makes ClickHouse's scan stop at an entry, "
                        + "which depends on every earlier entry");
                attempts = ClickHouseWalk.build(context, events, rules, trackedSteps(query));
                if (!rules.strictOrder()) { // under strict_order every row is an entry: every key walks
                    attempts = withLevelZeroKeys(context, events, attempts,
                            query.steps().stream().map(step -> stepFlag(step.index())).toList());
                }
            } else {
                context.strategy("window passes", withoutStrictOnce + "ClickHouse's entry latest: each level's latest "
                        + "chain is a running maximum over the previous level's");
                attempts = ClickHouseLatestWindows.build(context, events, rules, trackedSteps(query));
            }
        } else if (walk && rules.allowReentry()) {
            context.strategy("walk per attempt", "allow_reentry restarts an attempt mid-scan");
            attempts = EntryScanWalk.build(context, events, rules, trackedSteps(query));
            if (query.entry() == EntryPolicy.EVERY) {
                attemptKey.add(EntryScanWalk.ATTEMPT);
            } else {
                if (query.entry() == EntryPolicy.LATEST) {
                    attempts = bestAttempt(context, events, attempts, EntryScanWalk.ATTEMPT);
                }
                attempts = withLevelZeroKeys(context, events, attempts, List.of(stepFlag(1)));
            }
        } else {
            boolean every = query.entry() != EntryPolicy.FIRST;
            context.strategy("per-attempt chain", every ? "entry " + query.entry().name().toLowerCase(Locale.ROOT)
                    + ": one attempt per entry event, each step a join of the attempt to its key's rows"
                    : "a mode (strict_order or strict_deduplication) stops the scan at a row between two steps, so "
                    + "each step joins the attempt to its key's rows");
            Stage chain = EntryScanChain.build(context, events, rules, every);
            attempts = withLevel(context, chain, rules.steps());
            if (query.entry() == EntryPolicy.EVERY) {
                attemptKey.add(AttemptColumns.order(1));
            } else {
                if (query.entry() == EntryPolicy.LATEST) {
                    attempts = bestAttempt(context, events, attempts, AttemptColumns.order(1));
                }
                attempts = withKeysWithoutEntry(context, events, attempts);
            }
        }
        for (int i = 0; i < query.exclusions().size(); i++) {
            attempts = applyExclusion(context, events, attempts, attemptKey, i);
        }
        if (query.breakdown().isPresent()) {
            attempts = withBreakdown(context, events, attempts, query.breakdown().get().attribution(), attemptKey);
        }
        FunnelReports.build(context, attempts, events.keys());
    }

    /** The steps whose event the reports read besides the last reached one: the first, exclusion bounds, a named breakdown step. */
    private static SortedSet<Integer> trackedSteps(FunnelQuery query) {
        SortedSet<Integer> steps = new TreeSet<>(List.of(1));
        for (Exclusion exclusion : query.exclusions()) {
            steps.add(exclusion.after().index());
            steps.add(exclusion.before().index());
        }
        query.breakdown().map(Breakdown::attribution)
                .filter(Attribution.NamedStep.class::isInstance)
                .ifPresent(named -> steps.add(((Attribution.NamedStep) named).step().index()));
        return steps;
    }

    private static Stage withLevel(PlanContext<FunnelQuery> context, Stage chain, int steps) {
        RelBuilder b = context.builder();
        context.scan(chain);
        List<RexNode> cases = new ArrayList<>();
        for (int level = steps; level >= 1; level--) {
            cases.add(b.isNotNull(b.field(AttemptColumns.order(level))));
            cases.add(number(b, level));
        }
        cases.add(number(b, 0));
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        fields.add(b.call(SqlStdOperatorTable.CASE, cases));
        names.add(AttemptColumns.LEVEL);
        b.project(fields, names, true);
        return context.addStage(ColumnNames.stageName(context.query(), "levels"), "each attempt's furthest step",
                chain.declaredKeys());
    }

    /** duckdb_behavioral's entry latest: the attempt that got furthest, the earliest entry (column {@code entry}) among equals. */
    private static Stage bestAttempt(PlanContext<FunnelQuery> context, EventsStage.Events events, Stage attempts, String entry) {
        RelBuilder b = context.builder();
        context.scan(attempts);
        List<RexNode> fields = new ArrayList<>(b.fields());
        List<String> names = new ArrayList<>(b.peek().getRowType().getFieldNames());
        fields.add(b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over()
                .partitionBy(events.keys().stream().map(b::field).toList())
                .orderBy(b.desc(b.field(AttemptColumns.LEVEL)), b.field(entry))
                .rowsUnbounded()
                .toRex());
        names.add("attempt_rank");
        b.project(fields, names, true);
        Stage ranked = context.addStage(ColumnNames.stageName(context.query(), "ranked_attempts"),
                "attempts ranked by level, then entry", List.of());
        context.scan(ranked);
        b.filter(b.equals(b.field("attempt_rank"), number(b, 1)));
        b.project(b.fields().subList(0, b.fields().size() - 1));
        return context.addStage(ColumnNames.stageName(context.query(), "best_attempt"), "each key's best attempt",
                List.of(new Stage.DeclaredKey(events.keys(), "attempt_rank = 1 keeps one row per key")));
    }

    /** Every key with events (the events stage keeps all rows when a report needs every key). */
    private static Stage keys(PlanContext<FunnelQuery> context, EventsStage.Events events) {
        RelBuilder b = context.builder();
        context.scan(events.stage());
        b.aggregate(b.groupKey(events.keys().stream().map(b::field).toList()));
        return context.addStage(ColumnNames.stageName(context.query(), "keys"), "every key with events", List.of());
    }

    /** Keys with events but no entry event still count, at level 0. */
    private static Stage withKeysWithoutEntry(PlanContext<FunnelQuery> context, EventsStage.Events events, Stage attempts) {
        RelBuilder b = context.builder();
        Stage keys = keys(context, events);
        context.scan(keys);
        context.scan(attempts);
        b.join(JoinRelType.LEFT, PlanHelpers.keysEqual(b, events.keys()));
        int width = events.keys().size();
        List<String> attemptFields = attempts.plan().getRowType().getFieldNames();
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            fields.add(b.field(i));
            names.add(events.keys().get(i));
        }
        for (int i = 0; i < attemptFields.size(); i++) {
            String name = attemptFields.get(i);
            if (events.keys().contains(name)) {
                continue;
            }
            RexNode value = b.field(width + i);
            fields.add(name.equals(AttemptColumns.LEVEL) ? b.call(SqlStdOperatorTable.COALESCE, value, number(b, 0)) : value);
            names.add(name);
        }
        b.project(fields, names, true);
        return context.addStage(ColumnNames.stageName(context.query(), "attempts"), "one attempt per key", List.of());
    }

    /**
     * A walk's attempts and, appended with UNION ALL, every key none of whose rows sets one of
     * {@code attemptFlags}, at level 0. Unlike {@link #withKeysWithoutEntry}'s join, this reads the
     * walk's attempts once: H2 re-runs a recursive CTE for every row that probes it in a join.
     */
    static Stage withLevelZeroKeys(PlanContext<FunnelQuery> context, EventsStage.Events events, Stage attempts, List<String> attemptFlags) {
        RelBuilder b = context.builder();
        context.scan(events.stage());
        List<RexNode> any = attemptFlags.stream().map(flag -> isSet(b, b.field(flag))).toList();
        b.aggregate(b.groupKey(events.keys().stream().map(b::field).toList()),
                b.max(PlanHelpers.flag(b, any.size() == 1 ? any.get(0) : b.or(any))).as("has_attempt"));
        Stage keys = context.addStage(ColumnNames.stageName(context.query(), "keys"),
                "every key with events, and whether any row can start an attempt", List.of());
        context.scan(attempts);
        context.scan(keys);
        b.filter(b.equals(b.field("has_attempt"), number(b, 0)));
        List<RexNode> fields = new ArrayList<>();
        List<String> names = attempts.plan().getRowType().getFieldNames();
        for (RelDataTypeField field : attempts.plan().getRowType().getFieldList()) {
            if (events.keys().contains(field.getName())) {
                fields.add(b.field(field.getName()));
            } else if (field.getName().equals(AttemptColumns.LEVEL)) {
                fields.add(number(b, 0));
            } else {
                fields.add(PlanHelpers.untypedNull(b));
            }
        }
        b.project(fields, names, true);
        b.union(true, 2);
        return context.addStage(ColumnNames.stageName(context.query(), "attempts"),
                "one attempt per key: the walk's, or level 0 for a key without an entry",
                List.of(new Stage.DeclaredKey(events.keys(), "the walk has one attempt per key with an entry; the "
                        + "other keys are added once each")));
    }

    /** An excluded event strictly between the two steps' events cuts the attempt back to the earlier step. */
    private static Stage applyExclusion(PlanContext<FunnelQuery> context, EventsStage.Events events, Stage attempts,
            List<String> attemptKey, int index) {
        FunnelQuery query = context.query();
        Exclusion exclusion = query.exclusions().get(index);
        int after = exclusion.after().index();
        int before = exclusion.before().index();
        RelBuilder b = context.builder();
        int width = attempts.plan().getRowType().getFieldCount();
        context.scan(attempts);
        context.scan(events.stage());
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, events.keys()));
        on.add(b.greaterThanOrEqual(b.field(2, 0, AttemptColumns.LEVEL), number(b, before)));
        on.add(isSet(b, b.field(2, 1, exclusionFlag(index + 1))));
        on.add(b.greaterThan(b.field(2, 1, EventsStage.MICROS), b.field(2, 0, AttemptColumns.micros(after))));
        on.add(b.lessThan(b.field(2, 1, EventsStage.MICROS), b.field(2, 0, AttemptColumns.micros(before))));
        b.join(JoinRelType.LEFT, on);
        List<String> eventFields = events.stage().plan().getRowType().getFieldNames();
        // Any column that is never NULL on a matching row counts the excluded events; the time always is.
        RexNode excludedTime = b.field(width + eventFields.indexOf(EventsStage.MICROS));
        List<RexNode> group = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            group.add(b.field(i));
        }
        b.aggregate(b.groupKey(group), b.count(false, "excluded_events", excludedTime));
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>(attempts.plan().getRowType().getFieldNames());
        for (String name : names) {
            RexNode value = b.field(name);
            if (name.equals(AttemptColumns.LEVEL)) {
                value = b.call(SqlStdOperatorTable.CASE, b.greaterThan(b.field("excluded_events"), number(b, 0)),
                        number(b, after), value);
            }
            fields.add(value);
        }
        b.project(fields, names, true);
        return context.addStage(ColumnNames.stageName(query, "exclusion_" + exclusion.name().value()),
                "exclusion " + exclusion.name().value() + " between steps " + after + " and " + before,
                List.of(new Stage.DeclaredKey(attemptKey, "grouped back to one row per attempt")));
    }

    /** The breakdown column's value on the attributed step's event, looked up by (key, event order). */
    private static Stage withBreakdown(PlanContext<FunnelQuery> context, EventsStage.Events events, Stage attempts,
            Attribution attribution, List<String> attemptKey) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        int width = attempts.plan().getRowType().getFieldCount();
        context.scan(attempts);
        RexNode level = b.field(AttemptColumns.LEVEL);
        RexNode attributed;
        if (attribution instanceof Attribution.NamedStep named) {
            attributed = when(b, b.greaterThanOrEqual(level, number(b, named.step().index())),
                    b.field(AttemptColumns.order(named.step().index())));
        } else if (attribution instanceof Attribution.LastStep) {
            List<RexNode> cases = new ArrayList<>();
            for (int step = 1; step <= query.steps().size(); step++) {
                cases.add(b.equals(level, number(b, step)));
                cases.add(b.field(AttemptColumns.order(step)));
            }
            cases.add(b.getRexBuilder().makeNullLiteral(b.field(AttemptColumns.order(1)).getType()));
            attributed = b.call(SqlStdOperatorTable.CASE, cases);
        } else {
            attributed = when(b, b.greaterThanOrEqual(level, number(b, 1)), b.field(AttemptColumns.order(1)));
        }
        List<RexNode> withAttributed = new ArrayList<>(b.fields());
        withAttributed.add(attributed);
        List<String> withAttributedNames = new ArrayList<>(attempts.plan().getRowType().getFieldNames());
        withAttributedNames.add("attributed_order");
        b.project(withAttributed, withAttributedNames, true);
        context.scan(events.stage());
        // An equality of columns, so the join's keys are (key, event order): unique on the events side.
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, events.keys()));
        on.add(b.equals(b.field(2, 0, "attributed_order"), b.field(2, 1, EventsStage.ORDER)));
        width = width + 1;
        b.join(JoinRelType.LEFT, on);
        List<String> eventFields = events.stage().plan().getRowType().getFieldNames();
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>(attempts.plan().getRowType().getFieldNames());
        for (int i = 0; i < width - 1; i++) {
            fields.add(b.field(i));
        }
        fields.add(b.field(width + eventFields.indexOf(BREAKDOWN)));
        names.add(BREAKDOWN);
        b.project(fields, names, true);
        return context.addStage(ColumnNames.stageName(query, "breakdown"), "each attempt's breakdown value",
                List.of(new Stage.DeclaredKey(attemptKey, "the lookup matches at most one event per attempt")));
    }
}
