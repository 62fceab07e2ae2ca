package io.funnelql.compiler.plan.funnel;

import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.FunnelRules;
import io.funnelql.dsl.model.Step;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.List;

import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.when;

/**
 * The per-entry scan as a straight chain of stages: the entry events (the first per key, or
 * every one), then one stage per step that joins the attempt to its key's events inside the
 * window and aggregates straight back to one row per attempt, taking the earliest event that
 * fills the step before any event that stops the attempt (strict modes). Each stage adds one
 * step; no stage re-reads an earlier one.
 */
final class EntryScanChain {
    private EntryScanChain() {}

    /** One row per attempt: every entry event for {@code entry every} and the best-of-entries profile, else the first. */
    static Stage build(PlanContext<FunnelQuery> context, EventsStage.Events events, FunnelRules rules, boolean everyEntry) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        List<String> keys = events.keys();
        context.scan(events.stage());
        b.filter(isSet(b, b.field(FunnelPlanner.stepFlag(1))));
        List<Stage.DeclaredKey> declared = new ArrayList<>();
        if (everyEntry) {
            List<RexNode> fields = new ArrayList<>();
            keys.forEach(key -> fields.add(b.field(key)));
            fields.add(b.field(EventsStage.ORDER));
            fields.add(b.field(EventsStage.MICROS));
            fields.add(b.field(EventsStage.TIME));
            List<String> names = new ArrayList<>(keys);
            names.addAll(List.of(AttemptColumns.order(1), AttemptColumns.micros(1), AttemptColumns.ENTRY_TIME));
            b.project(fields, names, true);
            List<String> attemptKey = new ArrayList<>(keys);
            attemptKey.add(AttemptColumns.order(1));
            declared.add(new Stage.DeclaredKey(attemptKey, "one attempt per entry event, and event_order is unique per key"));
        } else {
            declared.add(new Stage.DeclaredKey(keys, "one attempt per key"));
            // Event order follows time, so the first entry's order, time and timestamp are all minima.
            b.aggregate(b.groupKey(keys.stream().map(b::field).toList()),
                    b.min(b.field(EventsStage.ORDER)).as(AttemptColumns.order(1)),
                    b.min(b.field(EventsStage.MICROS)).as(AttemptColumns.micros(1)),
                    b.min(b.field(EventsStage.TIME)).as(AttemptColumns.ENTRY_TIME));
        }
        Stage stage = context.addStage(FunnelPlanner.stageName(query, 1, everyEntry ? "entries" : "first_entry"),
                everyEntry ? "one attempt per entry event" : "each key's first entry event", declared);
        for (Step step : query.steps().subList(1, query.steps().size())) {
            stage = addStep(context, events, stage, step.index(), rules, declared);
        }
        return stage;
    }

    private static Stage addStep(PlanContext<FunnelQuery> context, EventsStage.Events events, Stage previous, int step,
            FunnelRules rules, List<Stage.DeclaredKey> declared) {
        FunnelQuery query = context.query();
        RelBuilder b = context.builder();
        int leftWidth = previous.plan().getRowType().getFieldCount();
        List<String> eventFields = events.stage().plan().getRowType().getFieldNames();
        context.scan(previous);
        context.scan(events.stage());
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, events.keys()));
        RexNode previousOrder = b.field(2, 0, AttemptColumns.order(step - 1));
        RexNode anchor = b.field(2, 0, AttemptColumns.micros(rules.anchorAtFirstStep() ? 1 : step - 1));
        on.add(b.greaterThanOrEqual(b.field(2, 1, EventsStage.ORDER), previousOrder));
        on.add(FunnelPlanner.inside(b, rules, b.field(2, 1, EventsStage.MICROS), anchor));
        b.join(JoinRelType.LEFT, on);

        RexNode order = b.field(leftWidth + eventFields.indexOf(EventsStage.ORDER));
        RexNode micros = b.field(leftWidth + eventFields.indexOf(EventsStage.MICROS));
        RexNode priorOrder = b.field(AttemptColumns.order(step - 1));
        RexNode priorMicros = b.field(AttemptColumns.micros(step - 1));
        RexNode later = b.greaterThan(order, priorOrder);
        List<RexNode> candidate = new ArrayList<>();
        candidate.add(isSet(b, b.field(leftWidth + eventFields.indexOf(FunnelPlanner.stepFlag(step)))));
        RexNode laterCandidate = later;
        if (rules.tiesForbidden()) {
            laterCandidate = b.and(laterCandidate, b.greaterThan(micros, priorMicros));
        }
        if (rules.timestampDedup()) {
            laterCandidate = b.and(laterCandidate, b.notEquals(micros, priorMicros));
        }
        candidate.add(rules.sameRowMayFill(step) ? b.or(laterCandidate, b.equals(order, priorOrder)) : laterCandidate);
        RexNode isCandidate = b.and(candidate);

        List<RexNode> stops = new ArrayList<>();
        if (rules.strictDeduplication()) {
            stops.add(b.and(isSet(b, b.field(leftWidth + eventFields.indexOf(FunnelPlanner.stepFlag(step - 1)))),
                    b.not(isSet(b, b.field(leftWidth + eventFields.indexOf(FunnelPlanner.stepFlag(step)))))));
        }
        if (rules.strictOrder()) {
            for (int earlier = 1; earlier < step; earlier++) {
                stops.add(isSet(b, b.field(leftWidth + eventFields.indexOf(FunnelPlanner.stepFlag(earlier)))));
            }
        }
        List<RexNode> groupFields = new ArrayList<>();
        for (int i = 0; i < leftWidth; i++) {
            groupFields.add(b.field(i));
        }
        List<RelBuilder.AggCall> calls = new ArrayList<>();
        calls.add(b.min(when(b, isCandidate, order)).as("candidate_order"));
        calls.add(b.min(when(b, isCandidate, micros)).as("candidate_micros"));
        if (!stops.isEmpty()) {
            calls.add(b.min(when(b, b.and(later, b.or(stops)), order)).as("stop_order"));
        }
        b.aggregate(b.groupKey(groupFields), calls);

        // The candidate counts when it is the previous step's own event or comes before the first stop.
        RexNode kept = stops.isEmpty() ? b.literal(true) : b.or(
                b.equals(b.field("candidate_order"), b.field(AttemptColumns.order(step - 1))),
                b.isNull(b.field("stop_order")),
                b.lessThan(b.field("candidate_order"), b.field("stop_order")));
        List<RexNode> fields = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < leftWidth; i++) {
            fields.add(b.field(i));
            names.add(previous.plan().getRowType().getFieldNames().get(i));
        }
        fields.add(stops.isEmpty() ? b.field("candidate_order") : when(b, kept, b.field("candidate_order")));
        names.add(AttemptColumns.order(step));
        fields.add(stops.isEmpty() ? b.field("candidate_micros") : when(b, kept, b.field("candidate_micros")));
        names.add(AttemptColumns.micros(step));
        b.project(fields, names, true);
        return context.addStage(FunnelPlanner.stageName(query, step, null),
                "step " + step + ": the earliest qualifying event after step " + (step - 1), declared);
    }
}
