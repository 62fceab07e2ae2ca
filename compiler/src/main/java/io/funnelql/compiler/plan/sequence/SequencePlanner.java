package io.funnelql.compiler.plan.sequence;

import io.funnelql.compiler.plan.ColumnNames;
import io.funnelql.compiler.plan.EventsStage;
import io.funnelql.compiler.plan.ExpressionTranslator;
import io.funnelql.compiler.plan.PlanContext;
import io.funnelql.compiler.plan.PlanHelpers;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.SequenceCondition;
import io.funnelql.dsl.model.SequenceQuery;
import io.funnelql.dsl.model.SequenceReport;
import io.funnelql.dsl.model.expression.Expression;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexWindowBound;
import org.apache.calcite.rex.RexWindowBounds;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.funnelql.compiler.plan.PlanHelpers.bigint;
import static io.funnelql.compiler.plan.PlanHelpers.isSet;
import static io.funnelql.compiler.plan.PlanHelpers.nullBigint;
import static io.funnelql.compiler.plan.PlanHelpers.number;
import static io.funnelql.compiler.plan.PlanHelpers.when;

/**
 * A sequence query, matched backwards: each key's stored events are numbered, and for each step
 * of the pattern, from the last to the first, every event gets {@code end_k}: where the match
 * found first from step k at that event ends (NULL: none). A consuming step reads the next
 * event's value (LEAD); a landing step the value at the earliest event it may land on whose
 * value is set (a window MIN over the following events, or over a RANGE of times from the base
 * event). {@code end_0} at event 1 says whether the key matches; sequenceCount walks from match
 * to match, each next start looked up at the previous match's end. No engine regex is used.
 */
public final class SequencePlanner {
    static final String NUMBER = "event_number";
    static final String STORED = "stored_events";
    static final String NEXT = "next_start";
    static final String MATCH_END = "match_end";
    static final String MATCHES = "matches";
    static final String POSITION = "position";
    static final String PATTERN_STEP = "pattern_step";
    /** Packs (event number, end) into one BIGINT whose MIN is the earliest event's end: ends stay below 2^32. */
    private static final long PACK = 1L << 32;

    private final PlanContext<SequenceQuery> context;
    private final RelBuilder b;
    private final List<String> keys;
    private final List<String> carried = new ArrayList<>();
    private final List<PatternStep> steps;
    /** The events report: each landing step also says on which event it lands ({@code at_k}), for the walk of the first match. */
    private final boolean tracking;

    private SequencePlanner(PlanContext<SequenceQuery> context, List<String> keys) {
        this.context = context;
        this.tracking = context.query().report() instanceof SequenceReport.MatchedEvents;
        this.b = context.builder();
        this.keys = keys;
        this.steps = PatternStep.of(context.query().pattern(), context.query().profile());
    }

    /** A condition's 0/1 column in every sequence plan. */
    static String flag(int condition) {
        return "condition_" + condition;
    }

    private static String end(int step) {
        return "end_" + step;
    }

    public static void plan(PlanContext<SequenceQuery> context, ExpressionTranslator translator) {
        SequenceQuery query = context.query();
        if (query.report() instanceof SequenceReport.Node node) {
            NodePlanner.plan(context, translator, node);
            return;
        }
        Map<String, Expression> flags = new LinkedHashMap<>();
        query.conditions().forEach(c -> flags.put(flag(c.index()), c.condition()));
        EventsStage.Events events = EventsStage.build(context, translator, new EventsStage.Request(flags,
                query.conditions().stream().map(SequenceCondition::condition).toList(), query.nullConditions(), Map.of(), true));
        context.strategy("earliest ends", "the pattern is matched backwards, one stage per step: each stored event gets "
                + "where the first match from that step at that event ends (LEAD for a consumed event, a window MIN over "
                + "the following events or a RANGE of times for a '.*' or time constraint); sequenceCount then walks from "
                + "each match's end to the next match, one lookup per match");
        new SequencePlanner(context, events.keys()).build(events);
    }

    private void build(EventsStage.Events events) {
        SequenceQuery query = context.query();
        Stage stored = storedEvents(events);
        Stage current = stored;
        String value = null;
        for (int step = steps.size(); step-- > 0; ) {
            PatternStep patternStep = steps.get(step);
            if (patternStep instanceof PatternStep.Consume) {
                int first = step;
                while (first > 0 && steps.get(first - 1) instanceof PatternStep.Consume) {
                    first--;
                }
                current = consume(current, value, first, step + 1);
                step = first;
            } else {
                current = land(current, value, (PatternStep.Land) patternStep, step);
            }
            value = end(step);
        }
        if (tracking) {
            matchedEvents(current, value);
            return;
        }
        Stage ends = matchEnds(current, value);
        Stage walk = matchWalk(ends);
        report(events, ends, walk, query);
    }

    /** Each key's events on which some condition holds, numbered 1..n in event order, with n. */
    private Stage storedEvents(EventsStage.Events events) {
        SequenceQuery query = context.query();
        context.scan(events.stage());
        b.filter(b.or(query.conditions().stream().map(c -> isSet(b, b.field(flag(c.index())))).toList()));
        List<RexNode> partition = new ArrayList<>(keys.stream().map(b::field).toList());
        List<RexNode> fields = new ArrayList<>(partition);
        List<String> names = new ArrayList<>(keys);
        fields.add(b.aggregateCall(SqlStdOperatorTable.ROW_NUMBER).over().partitionBy(partition)
                .orderBy(b.field(EventsStage.ORDER)).rowsUnbounded().toRex());
        names.add(NUMBER);
        // With an ORDER BY: Oracle rejects a frame without one (ORA-30485).
        fields.add(b.count().over().partitionBy(partition).orderBy(b.field(EventsStage.ORDER)).rowsUnbounded().toRex());
        names.add(STORED);
        fields.add(b.field(EventsStage.MICROS));
        names.add(EventsStage.MICROS);
        if (tracking) {
            fields.add(b.field(EventsStage.TIME));
            names.add(EventsStage.TIME);
        }
        for (SequenceCondition condition : query.conditions()) {
            fields.add(b.field(flag(condition.index())));
            names.add(flag(condition.index()));
        }
        b.project(fields, names, true);
        carried.addAll(names);
        return context.addStage(ColumnNames.stageName(query, "stored_events"),
                "each key's events on which some condition holds, numbered in event order", List.of(numbered()));
    }

    private Stage.DeclaredKey numbered() {
        List<String> columns = new ArrayList<>(keys);
        columns.add(NUMBER);
        return new Stage.DeclaredKey(columns, "ROW_NUMBER() numbers each key's stored events 1, 2, 3, ...");
    }

    /** The carried columns of the stage on the builder, then {@code extra}, as a new stage. */
    private Stage next(List<RexNode> extra, List<String> extraNames, String role, String purpose) {
        List<RexNode> fields = new ArrayList<>(carried.stream().map(b::field).toList());
        List<String> names = new ArrayList<>(carried);
        fields.addAll(extra);
        names.addAll(extraNames);
        b.project(fields, names, true);
        return context.addStage(ColumnNames.stageName(context.query(), role), purpose, List.of(numbered()));
    }

    private RelBuilder.OverCall window(RelBuilder.AggCall call) {
        return call.over().partitionBy(keys.stream().map(b::field).toList());
    }

    /** The end from step {@code step} at the end of the events (after the last one): set only when every step left passes there. */
    private boolean passesAtEnd(int step) {
        for (int i = step; i < steps.size(); i++) {
            if (!(steps.get(i) instanceof PatternStep.Land land) || !land.passesAtEnd()) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} at this event, or where the steps end when there is none (the last step's end is the event itself). */
    private RexNode valueOf(String value) {
        return value == null ? b.field(NUMBER) : b.field(value);
    }

    /** Steps {@code first} to {@code after - 1}, each consuming one event: a run of adjacent events read with LEAD. */
    private Stage consume(Stage input, String value, int first, int after) {
        context.scan(input);
        int length = after - first;
        List<RexNode> holds = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            int condition = ((PatternStep.Consume) steps.get(first + i)).condition();
            RexNode position = b.call(SqlStdOperatorTable.PLUS, b.field(NUMBER), number(b, i));
            if (condition == 0) {
                holds.add(b.lessThanOrEqual(position, b.field(STORED)));
            } else {
                RexNode flagHere = i == 0 ? b.field(flag(condition)) : lead(b.field(flag(condition)), i);
                holds.add(isSet(b, flagHere));
            }
        }
        RexNode afterRun = b.call(SqlStdOperatorTable.PLUS, b.field(NUMBER), number(b, length));
        RexNode atEnd = b.call(SqlStdOperatorTable.PLUS, b.field(STORED), number(b, 1));
        RexNode following = lead(valueOf(value), length);
        List<RexNode> cases = new ArrayList<>(List.of(b.lessThanOrEqual(afterRun, b.field(STORED)), bigint(b, following)));
        if (passesAtEnd(after)) {
            cases.addAll(List.of(b.equals(afterRun, atEnd), bigint(b, atEnd)));
        }
        cases.add(nullBigint(b));
        RexNode result = when(b, b.and(holds), b.call(SqlStdOperatorTable.CASE, cases));
        return next(List.of(result), List.of(end(first)), "steps_" + first + "_to_" + (after - 1),
                "where the first match from step " + first + " at each event ends: steps " + first + " to " + (after - 1)
                        + " consume adjacent events");
    }

    private RexNode lead(RexNode value, int offset) {
        return window(b.aggregateCall(SqlStdOperatorTable.LEAD, value, b.literal(offset))).orderBy(b.field(NUMBER)).toRex();
    }

    private RexNode lag(RexNode value) {
        return window(b.aggregateCall(SqlStdOperatorTable.LAG, value)).orderBy(b.field(NUMBER)).toRex();
    }

    /** (event number, value) packed so that a MIN picks the earliest event whose value is set. */
    private RexNode packed(RexNode value) {
        return when(b, b.isNotNull(value), bigint(b, b.call(SqlStdOperatorTable.PLUS,
                b.call(SqlStdOperatorTable.MULTIPLY, b.field(NUMBER), bigint(b, number(b, PACK))), value)));
    }

    private RexNode unpacked(RexNode packed) {
        RexNode pack = bigint(b, number(b, PACK));
        return b.call(SqlStdOperatorTable.MINUS, packed, b.call(SqlStdOperatorTable.MULTIPLY,
                bigint(b, b.call(PortableFunctions.INTEGER_QUOTIENT, packed, pack)), pack));
    }

    /** MIN over this event and the following ones (the frame runs backwards in event order). */
    private RexNode fromHereOn(RexNode value) {
        return window(b.aggregateCall(SqlStdOperatorTable.MIN, value)).orderBy(b.desc(b.field(NUMBER)))
                .rowsTo(RexWindowBounds.CURRENT_ROW).toRex();
    }

    private static String frame(int step, int range) {
        return "frame_" + step + "_" + range;
    }

    /** A landing step: the value at the earliest event it may land on whose value is set. */
    private Stage land(Stage input, String value, PatternStep.Land land, int step) {
        List<PatternStep.Range> ranges = land.ranges().stream().filter(r -> r.to() >= r.from()).toList();
        boolean never = ranges.isEmpty() && !land.anyTime();
        // RANGE frames from the base event's time, when the base is the previous event, are computed at that
        // event first and read with LAG in the next stage.
        List<Integer> framed = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i).from() > 0 && !land.here()) {
                framed.add(i);
            }
        }
        Stage source = input;
        if (!framed.isEmpty()) {
            context.scan(input);
            List<RexNode> frames = new ArrayList<>(List.of(valueOf(value)));
            List<String> names = new ArrayList<>(List.of(value == null ? "step_end" : value));
            for (int i : framed) {
                PatternStep.Range range = ranges.get(i);
                RexWindowBound upper = range.bounded() ? RexWindowBounds.following(number(b, range.to()))
                        : RexWindowBounds.UNBOUNDED_FOLLOWING;
                frames.add(window(b.aggregateCall(SqlStdOperatorTable.MIN, packed(valueOf(value))))
                        .orderBy(b.field(EventsStage.MICROS))
                        .rangeBetween(RexWindowBounds.following(number(b, range.from())), upper).toRex());
                names.add(frame(step, i));
            }
            source = next(frames, names, "step_" + step + "_frames", "for step " + step + ", each event as the base: "
                    + "the earliest event with a set value in each range of times after it");
            value = value == null ? "step_end" : value;
        }
        context.scan(source);
        RexNode following = valueOf(value);
        RexNode result;
        RexNode position; // the event it lands on, for the events report
        if (never) {
            result = nullBigint(b);
            position = nullBigint(b);
        } else if (land.here() && land.anyTime()) {
            result = following; // a check that always holds where there is an event: '(?t>=0)'
            position = when(b, b.isNotNull(following), b.field(NUMBER));
        } else if (land.here()) {
            RexNode elapsed = b.call(SqlStdOperatorTable.MINUS, b.field(EventsStage.MICROS), lag(b.field(EventsStage.MICROS)));
            RexNode holds = b.or(ranges.stream().map(r -> within(elapsed, r)).toList());
            result = when(b, holds, following);
            position = when(b, b.and(holds, b.isNotNull(following)), b.field(NUMBER));
        } else if (land.anyTime()) {
            RexNode earliest = fromHereOn(packed(following));
            result = unpacked(earliest);
            position = eventOf(earliest);
        } else {
            RexNode base = land.fromPrevious() ? lag(b.field(EventsStage.MICROS)) : b.field(EventsStage.MICROS);
            List<RexNode> candidates = new ArrayList<>();
            List<RexNode> positions = new ArrayList<>();
            for (int i = 0; i < ranges.size(); i++) {
                PatternStep.Range range = ranges.get(i);
                if (range.from() == 0) {
                    // From this event on, within the range while the elapsed time stays below its end: the earliest set value.
                    RexNode earliestTime = fromHereOn(when(b, b.isNotNull(following), b.field(EventsStage.MICROS)));
                    RexNode elapsed = b.call(SqlStdOperatorTable.MINUS, earliestTime, base);
                    RexNode inRange = range.bounded() ? b.lessThanOrEqual(elapsed, number(b, range.to())) : b.literal(true);
                    RexNode earliest = fromHereOn(packed(following));
                    candidates.add(when(b, inRange, unpacked(earliest)));
                    positions.add(when(b, inRange, eventOf(earliest)));
                } else {
                    RexNode frame = land.fromPrevious() ? lag(b.field(frame(step, i))) : b.field(frame(step, i));
                    candidates.add(unpacked(frame));
                    positions.add(eventOf(frame));
                }
            }
            result = candidates.size() == 1 ? candidates.get(0) : b.call(SqlStdOperatorTable.COALESCE, candidates);
            position = positions.size() == 1 ? positions.get(0) : b.call(SqlStdOperatorTable.COALESCE, positions);
        }
        if (tracking) {
            Stage stage = next(List.of(bigint(b, result), bigint(b, position)), List.of(end(step), landing(step)), "step_" + step,
                    "where the first match from step " + step + " at each event ends, and the event step " + step
                            + " lands on");
            carried.add(landing(step));
            return stage;
        }
        return next(List.of(bigint(b, result)), List.of(end(step)), "step_" + step,
                "where the first match from step " + step + " at each event ends");
    }

    /** The event number of a packed (event number, value). */
    private RexNode eventOf(RexNode packed) {
        return bigint(b, b.call(PortableFunctions.INTEGER_QUOTIENT, packed, bigint(b, number(b, PACK))));
    }

    private static String landing(int step) {
        return "lands_" + step;
    }

    private RexNode within(RexNode elapsed, PatternStep.Range range) {
        RexNode atLeast = b.greaterThanOrEqual(elapsed, number(b, range.from()));
        return range.bounded() ? b.and(atLeast, b.lessThanOrEqual(elapsed, number(b, range.to()))) : atLeast;
    }

    /** Per event: where the first match found from it ends, and where the search for the next one starts. */
    private Stage matchEnds(Stage input, String value) {
        context.scan(input);
        List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
        List<String> names = new ArrayList<>(keys);
        fields.add(b.field(NUMBER));
        names.add(NUMBER);
        // ClickHouse's backtracking, having failed everywhere, stops at the end of the events with the
        // whole pattern left: when every step passes there, that is a match too, ending there.
        RexNode end = passesAtEnd(0) && context.query().profile() == Profile.CLICKHOUSE
                ? bigint(b, b.call(SqlStdOperatorTable.COALESCE, b.field(value),
                        b.call(SqlStdOperatorTable.PLUS, b.field(STORED), number(b, 1))))
                : b.field(value);
        fields.add(end);
        names.add(MATCH_END);
        // A match that consumed nothing ends where it started; the next search starts one event later.
        fields.add(b.call(SqlStdOperatorTable.CASE, b.equals(end, b.field(NUMBER)),
                b.call(SqlStdOperatorTable.PLUS, b.field(NUMBER), number(b, 1)), end));
        names.add(NEXT);
        b.project(fields, names, true);
        b.filter(b.isNotNull(b.field(MATCH_END)));
        return context.addStage(ColumnNames.stageName(context.query(), "match_ends"),
                "each event from which a match is found, with where it ends and the next search starts", List.of(numbered()));
    }

    /** sequenceCount: from event 1, match after match, each next start looked up at the previous match's end. */
    private Stage matchWalk(Stage ends) {
        SequenceQuery query = context.query();
        context.scan(ends);
        b.filter(b.equals(b.field(NUMBER), number(b, 1)));
        List<String> walkNames = new ArrayList<>(keys);
        walkNames.add(NEXT);
        walkNames.add(MATCHES);
        List<RexNode> anchor = new ArrayList<>(keys.stream().map(b::field).toList());
        anchor.add(bigint(b, b.field(NEXT)));
        anchor.add(bigint(b, number(b, 1)));
        b.project(anchor, walkNames, true);
        List<String> walkKey = new ArrayList<>(keys);
        walkKey.add(MATCHES);
        Stage starts = matchStarts(ends);
        PlanContext.Recursion walk = context.beginRecursiveStage(ColumnNames.stageName(query, "match_walk"),
                "each key's matches, one row per match: where the search for the next one starts",
                List.of(new Stage.DeclaredKey(walkKey, "each iteration adds one match per key")));
        // The events first: H2 re-runs the CTE it probes for every probing row, and the walk of the last
        // iteration is cheap to probe, where the stack of window stages behind the ends is not.
        context.scan(starts);
        context.scan(walk);
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(b.equals(b.field(2, 0, NUMBER), b.field(2, 1, NEXT)));
        b.join(JoinRelType.INNER, on);
        int endsWidth = keys.size() + 3;
        List<RexNode> step = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            step.add(b.field(endsWidth + i));
        }
        step.add(bigint(b, b.field(keys.size() + 2)));
        step.add(bigint(b, b.call(SqlStdOperatorTable.PLUS, b.field(endsWidth + walkNames.size() - 1), number(b, 1))));
        b.project(step, walkNames, true);
        return context.addRecursiveStage(walk);
    }

    /**
     * The events at which some match ends' next search starts: the only ones the walk can reach
     * after event 1. Each iteration of the walk reads every row of what it probes, so probing these
     * instead of every event from which a match is found makes each iteration that much cheaper
     * (for '(?1).*(?2)', about one event per match instead of nearly all of them).
     */
    private Stage matchStarts(Stage ends) {
        context.scan(ends);
        b.as("event");
        context.scan(ends);
        List<RexNode> group = new ArrayList<>(keys.stream().map(b::field).toList());
        group.add(b.field(NEXT));
        b.aggregate(b.groupKey(group));
        b.as("start");
        List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
        on.add(b.equals(b.field(2, 0, NUMBER), b.field(2, 1, NEXT)));
        b.join(JoinRelType.INNER, on);
        List<String> names = new ArrayList<>(keys);
        names.addAll(List.of(NUMBER, MATCH_END, NEXT));
        b.project(names.stream().<RexNode>map(name -> b.field("event", name)).toList(), names, true);
        return context.addStage(ColumnNames.stageName(context.query(), "match_starts"),
                "each event at which the search after some match starts, with where the match from it ends",
                List.of(numbered()));
    }

    /**
     * The events report: the first match walked from event 1, one landing at a time (a join to the
     * event it lands on, one row per key), the positions its conditions take collected as columns;
     * then each key's stored events joined to that one row and kept where they were taken.
     */
    private void matchedEvents(Stage steps, String value) {
        SequenceQuery query = context.query();
        context.scan(steps);
        b.filter(b.equals(b.field(NUMBER), number(b, 1)), b.isNotNull(b.field(value)));
        List<String> taken = new ArrayList<>();
        List<Integer> takenConditions = new ArrayList<>();
        List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
        fields.add(b.field(landing(0)));
        b.project(fields, pathNames(taken), true);
        Stage path = context.addStage(ColumnNames.stageName(query, "match_path_0"),
                "each key whose first match starts at or after event 1, and the event step 0 lands on", List.of(perKey()));
        context.scan(path);
        for (int step = 1; step < this.steps.size(); step++) {
            PatternStep patternStep = this.steps.get(step);
            if (patternStep instanceof PatternStep.Consume consume) {
                fields = new ArrayList<>(keys.stream().map(b::field).toList());
                for (String name : taken) {
                    fields.add(b.field(name));
                }
                if (consume.condition() > 0) {
                    taken.add("taken_" + (taken.size() + 1));
                    takenConditions.add(consume.condition());
                    fields.add(b.field(POSITION));
                }
                fields.add(bigint(b, b.call(SqlStdOperatorTable.PLUS, b.field(POSITION), number(b, 1))));
                b.project(fields, pathNames(taken), true);
                continue;
            }
            boolean consumesLater = this.steps.subList(step, this.steps.size()).stream().anyMatch(PatternStep.Consume.class::isInstance);
            if (!consumesLater) {
                break; // what is left lands after the last taken event
            }
            b.as("path");
            context.scan(steps);
            b.as("landing");
            List<RexNode> on = new ArrayList<>(PlanHelpers.keysEqual(b, keys));
            on.add(b.equals(b.field(2, 0, POSITION), b.field(2, 1, NUMBER)));
            b.join(JoinRelType.INNER, on);
            fields = new ArrayList<>(keys.stream().map(name -> (RexNode) b.field("path", name)).toList());
            for (String name : taken) {
                fields.add(b.field("path", name));
            }
            fields.add(b.field("landing", landing(step)));
            b.project(fields, pathNames(taken), true);
            path = context.addStage(ColumnNames.stageName(query, "match_path_" + step),
                    "each key's first match up to step " + step + ": the events its conditions took, and where step "
                            + step + " lands", List.of(perKey()));
            context.scan(path);
        }
        Stage walked = context.addStage(ColumnNames.stageName(query, "match_events"),
                "each key's first match: the event each condition of the pattern took", List.of(perKey()));
        context.scan(steps);
        b.as("event");
        context.scan(walked);
        b.as("match");
        b.join(JoinRelType.INNER, PlanHelpers.keysEqual(b, keys));
        List<RexNode> isTaken = new ArrayList<>();
        List<RexNode> stepCases = new ArrayList<>();
        List<RexNode> conditionCases = new ArrayList<>();
        for (int i = 0; i < taken.size(); i++) {
            RexNode here = b.equals(b.field("event", NUMBER), b.field("match", taken.get(i)));
            isTaken.add(here);
            stepCases.addAll(List.of(here, number(b, i + 1)));
            conditionCases.addAll(List.of(here, context.literalText(
                    query.conditions().get(takenConditions.get(i) - 1).name().value())));
        }
        b.filter(b.or(isTaken)); // the analyzer refuses an events report whose pattern has no (?N)
        stepCases.add(nullBigint(b));
        conditionCases.add(context.nullText());
        List<RexNode> output = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Column> columns = query.partitionKey();
        for (int i = 0; i < keys.size(); i++) {
            output.add(b.field("event", keys.get(i)));
            names.add(columns.get(i).name().value());
        }
        output.add(bigint(b, b.call(SqlStdOperatorTable.CASE, stepCases)));
        names.add(PATTERN_STEP);
        output.add(b.call(SqlStdOperatorTable.CASE, conditionCases));
        names.add("condition");
        output.add(b.field("event", EventsStage.TIME));
        names.add("event_time");
        b.project(output, names, true);
    }

    private List<String> pathNames(List<String> taken) {
        List<String> names = new ArrayList<>(keys);
        names.addAll(taken);
        names.add(POSITION);
        return names;
    }

    private Stage.DeclaredKey perKey() {
        return new Stage.DeclaredKey(keys, "one row per key: its first match, from event 1");
    }

    /**
     * Per key: its stored events, the match from its first event and its number of matches. The
     * three are one UNION ALL grouped by key rather than joins: H2 re-runs a CTE for every row that
     * probes it, and the walk and the stack of window stages behind the ends must be read once.
     */
    private void report(EventsStage.Events events, Stage ends, Stage walk, SequenceQuery query) {
        List<String> names = new ArrayList<>(keys);
        names.addAll(List.of(STORED, MATCH_END, MATCHES));
        context.scan(events.stage());
        RexNode any = b.or(query.conditions().stream().map(c -> isSet(b, b.field(flag(c.index())))).toList());
        b.project(withKeys(List.of(bigint(b, PlanHelpers.flag(b, any)), nullBigint(b), bigint(b, number(b, 0)))), names, true);
        context.scan(ends);
        b.filter(b.equals(b.field(NUMBER), number(b, 1)));
        b.project(withKeys(List.of(bigint(b, number(b, 0)), bigint(b, b.field(MATCH_END)), bigint(b, number(b, 0)))), names, true);
        context.scan(walk);
        b.project(withKeys(List.of(bigint(b, number(b, 0)), nullBigint(b), bigint(b, b.field(MATCHES)))), names, true);
        b.union(true, 3);
        b.aggregate(b.groupKey(keys.stream().map(b::field).toList()), b.sum(b.field(STORED)).as(STORED),
                b.max(b.field(MATCH_END)).as(MATCH_END), b.max(b.field(MATCHES)).as(MATCHES));
        Stage perKey = context.addStage(ColumnNames.stageName(query, "per_key"),
                "per key: its stored events, where the match from its first event ends, its number of matches", List.of());
        context.scan(perKey);
        boolean emptyMatches = passesAtEnd(0) && query.profile() == Profile.CLICKHOUSE;
        RexNode matched = b.call(SqlStdOperatorTable.CASE, b.equals(b.field(STORED), number(b, 0)), number(b, emptyMatches ? 1 : 0),
                b.isNotNull(b.field(MATCH_END)), number(b, 1), number(b, 0));
        RexNode count = b.field(MATCHES);
        if (query.report() instanceof SequenceReport.PerKey) {
            List<RexNode> fields = new ArrayList<>();
            List<String> output = new ArrayList<>();
            PlanHelpers.addReportKeys(b, query, keys, fields, output);
            fields.add(b.call(PortableFunctions.FLAG_AS_BOOLEAN, matched));
            output.add("matched");
            fields.add(bigint(b, count));
            output.add("matches");
            b.project(fields, output, true);
            return;
        }
        b.aggregate(b.groupKey(), b.count().as("keys"), b.sum(matched).as("matched_keys"), b.sum(count).as("matches"));
        b.project(List.of(bigint(b, b.field("keys")),
                        bigint(b, b.call(SqlStdOperatorTable.COALESCE, b.field("matched_keys"), number(b, 0))),
                        bigint(b, b.call(SqlStdOperatorTable.COALESCE, b.field("matches"), number(b, 0)))),
                List.of("keys", "matched_keys", "matches"), true);
    }

    /** The key columns of the relation on the builder, then {@code values}. */
    private List<RexNode> withKeys(List<RexNode> values) {
        List<RexNode> fields = new ArrayList<>(keys.stream().map(b::field).toList());
        fields.addAll(values);
        return fields;
    }
}
