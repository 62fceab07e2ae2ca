package io.funnelql.compiler.plan.sequence;

import io.funnelql.dsl.model.PatternElement;
import io.funnelql.dsl.model.Profile;
import io.funnelql.dsl.model.SequencePattern;
import io.funnelql.dsl.model.TimeComparison;

import java.util.ArrayList;
import java.util.List;

/**
 * A pattern as the plan matches it, in either profile: a list of steps, the first being the
 * search for where a match starts. A step consumes one stored event or lands somewhere at or
 * after the current one; a match is a path through the steps, and the one both engines find
 * first takes the earliest landing from which the rest can still complete
 * (docs/semantics.md, "Sequences").
 */
sealed interface PatternStep {
    /** One stored event on which {@code condition} holds (0: any event). */
    record Consume(int condition) implements PatternStep {}

    /**
     * Lands on an event at or after the current one ({@code here}: on the current one only) whose
     * time, less the base event's, lies in one of {@code ranges} (none: any event). The base is the
     * event before the current one ({@code fromPrevious}) or the current one. {@code passesAtEnd}:
     * whether the step matches when the events have run out.
     */
    record Land(boolean fromPrevious, List<Range> ranges, boolean here, boolean passesAtEnd) implements PatternStep {
        public Land {
            ranges = List.copyOf(ranges);
        }

        static Land anywhere() {
            return new Land(false, List.of(), false, true);
        }

        boolean anyTime() {
            return ranges.isEmpty();
        }
    }

    /** Microseconds from {@code from} to {@code to} inclusive; {@code to} is {@link #UNBOUNDED} when open. */
    record Range(long from, long to) {
        static final long UNBOUNDED = Long.MAX_VALUE;

        boolean bounded() {
            return to != UNBOUNDED;
        }
    }

    /** The steps of a pattern under its profile. */
    static List<PatternStep> of(SequencePattern pattern, Profile profile) {
        return profile == Profile.CLICKHOUSE ? clickHouse(pattern) : duckDbBehavioral(pattern);
    }

    /**
     * ClickHouse: its implicit leading '.*', then each element; a time constraint lands as
     * ClickHouse's backtracking tries it, from the last consumed event when a condition or '.'
     * precedes it, else from where the '.*' before it stands.
     */
    private static List<PatternStep> clickHouse(SequencePattern pattern) {
        List<PatternStep> steps = new ArrayList<>(List.of(Land.anywhere()));
        for (PatternElement element : pattern.elements()) {
            PatternStep previous = steps.get(steps.size() - 1);
            if (element instanceof PatternElement.ConditionEvent event) {
                steps.add(new Consume(event.condition()));
            } else if (element instanceof PatternElement.AnyEvent) {
                steps.add(new Consume(0));
            } else if (element instanceof PatternElement.AnyEvents) {
                steps.add(Land.anywhere());
            } else {
                PatternElement.TimeConstraint constraint = (PatternElement.TimeConstraint) element;
                long n = constraint.micros();
                Range range = switch (constraint.comparison()) {
                    case LESS_OR_EQUAL -> new Range(0, n);
                    case LESS -> new Range(0, n - 1);
                    case GREATER_OR_EQUAL -> new Range(n, Range.UNBOUNDED);
                    case GREATER -> new Range(n + 1, Range.UNBOUNDED);
                    case EQUAL -> new Range(n, n);
                    case NOT_EQUAL -> throw new IllegalStateException("'!=' is not a ClickHouse time constraint");
                };
                boolean passesAtEnd = constraint.comparison() == TimeComparison.LESS_OR_EQUAL
                        || constraint.comparison() == TimeComparison.LESS
                        || constraint.comparison() == TimeComparison.GREATER_OR_EQUAL && n == 0;
                List<Range> ranges = range.from() == 0 && !range.bounded() ? List.of() : range.to() < range.from() ? List.of(new Range(1, 0)) : List.of(range);
                steps.add(new Land(previous instanceof Consume, ranges, false, passesAtEnd));
            }
        }
        return steps;
    }

    /**
     * duckdb-behavioral: a pattern of conditions and '.*' only means its conditions in order,
     * each after the previous; a time constraint is a check of the next event against the last
     * consumed one, in whole seconds, before a '.*' (at the gap's first event) or after it (at
     * the event the '.*' lands on); before the first consumed event it holds vacuously.
     */
    private static List<PatternStep> duckDbBehavioral(SequencePattern pattern) {
        List<PatternElement> elements = pattern.elements();
        boolean complex = elements.stream().anyMatch(e -> e instanceof PatternElement.AnyEvent || e instanceof PatternElement.TimeConstraint);
        boolean star = elements.stream().anyMatch(PatternElement.AnyEvents.class::isInstance);
        if (!complex && star) {
            List<PatternElement> inOrder = new ArrayList<>();
            for (PatternElement element : elements) {
                if (element instanceof PatternElement.ConditionEvent) {
                    if (!inOrder.isEmpty()) {
                        inOrder.add(new PatternElement.AnyEvents());
                    }
                    inOrder.add(element);
                }
            }
            elements = inOrder;
        }
        List<PatternStep> steps = new ArrayList<>(List.of(Land.anywhere()));
        boolean consumed = false;
        PatternElement.TimeConstraint before = null;
        PatternElement.TimeConstraint after = null;
        boolean gapStar = false;
        for (PatternElement element : elements) {
            if (element instanceof PatternElement.ConditionEvent || element instanceof PatternElement.AnyEvent) {
                if (consumed) {
                    addGap(steps, before, gapStar, after);
                }
                consumed = true;
                before = null;
                after = null;
                gapStar = false;
                steps.add(new Consume(element instanceof PatternElement.ConditionEvent event ? event.condition() : 0));
            } else if (element instanceof PatternElement.AnyEvents) {
                gapStar = true;
            } else if (gapStar) {
                after = (PatternElement.TimeConstraint) element;
            } else {
                before = (PatternElement.TimeConstraint) element;
            }
        }
        addGap(steps, before, gapStar, after);
        return steps;
    }

    private static void addGap(List<PatternStep> steps, PatternElement.TimeConstraint before, boolean star,
            PatternElement.TimeConstraint after) {
        if (before != null) {
            steps.add(new Land(true, seconds(before), true, false));
        }
        if (star) {
            steps.add(after == null ? Land.anywhere() : new Land(true, seconds(after), false, false));
        }
    }

    /** The elapsed microseconds whose whole seconds (truncated) satisfy the constraint. */
    private static List<Range> seconds(PatternElement.TimeConstraint constraint) {
        long second = 1_000_000L;
        long n = constraint.seconds() * second;
        List<Range> ranges = switch (constraint.comparison()) {
            case LESS -> List.of(new Range(0, n - 1));
            case LESS_OR_EQUAL -> List.of(new Range(0, n + second - 1));
            case GREATER -> List.of(new Range(n + second, Range.UNBOUNDED));
            case GREATER_OR_EQUAL -> List.of(new Range(n, Range.UNBOUNDED));
            case EQUAL -> List.of(new Range(n, n + second - 1));
            case NOT_EQUAL -> List.of(new Range(0, n - 1), new Range(n + second, Range.UNBOUNDED));
        };
        List<Range> possible = ranges.stream().filter(r -> r.to() >= r.from()).toList();
        if (possible.isEmpty()) {
            return List.of(new Range(1, 0)); // never: '< 0'
        }
        return possible.size() == 1 && possible.get(0).from() == 0 && !possible.get(0).bounded() ? List.of() : possible;
    }
}
