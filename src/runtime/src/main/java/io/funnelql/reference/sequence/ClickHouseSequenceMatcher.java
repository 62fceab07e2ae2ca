package io.funnelql.reference.sequence;

import io.funnelql.dsl.model.PatternElement;
import io.funnelql.dsl.model.SequencePattern;
import io.funnelql.dsl.model.TimeComparison;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * ClickHouse's sequenceMatch / sequenceCount (AggregateFunctionSequenceMatch.h), step for step:
 * an implicit '.*' before the pattern; a pattern without time constraints matched as a set of
 * states (its "DFA"), one with them, and every count, by backtracking. A time constraint compares
 * the event it is tried at with the base event (the last one consumed, or where a '.*' or
 * constraint last stood); '&lt;' and '&lt;=' backtrack on failure, '&gt;', '&gt;=' and '==' skip the
 * event. Counting restarts where the last match stopped, one event later when it consumed none.
 * ClickHouse's limit of 1,000,000 backtracking steps (an error there) is not reproduced.
 */
final class ClickHouseSequenceMatcher implements SequenceMatcher {
    private enum Kind { CONDITION, ANY, STAR, TIME }

    private record Action(Kind kind, int condition, TimeComparison comparison, long micros) {
        boolean skippableAtEnd() {
            return kind == Kind.STAR || kind == Kind.TIME && (comparison == TimeComparison.LESS_OR_EQUAL
                    || comparison == TimeComparison.LESS || comparison == TimeComparison.GREATER_OR_EQUAL && micros == 0);
        }
    }

    private final Action[] actions;
    private final boolean hasTime;
    private final long used;
    /** How many (?N) the pattern has: the length of a first match's list of events. */
    private final int conditionEvents;

    ClickHouseSequenceMatcher(SequencePattern pattern) {
        List<Action> list = new ArrayList<>();
        list.add(new Action(Kind.STAR, 0, null, 0));
        boolean time = false;
        long conditions = 0;
        int conditionEvents = 0;
        for (PatternElement element : pattern.elements()) {
            if (element instanceof PatternElement.ConditionEvent event) {
                list.add(new Action(Kind.CONDITION, event.condition(), null, 0));
                conditions |= 1L << (event.condition() - 1);
                conditionEvents++;
            } else if (element instanceof PatternElement.AnyEvent) {
                list.add(new Action(Kind.ANY, 0, null, 0));
            } else if (element instanceof PatternElement.AnyEvents) {
                list.add(new Action(Kind.STAR, 0, null, 0));
            } else {
                PatternElement.TimeConstraint constraint = (PatternElement.TimeConstraint) element;
                list.add(new Action(Kind.TIME, 0, constraint.comparison(), constraint.micros()));
                time = true;
            }
        }
        this.actions = list.toArray(Action[]::new);
        this.hasTime = time;
        this.used = conditions;
        this.conditionEvents = conditionEvents;
    }

    @Override
    public boolean matches(StoredEvents events) {
        if ((events.seen() & used) != used) {
            return false;
        }
        return hasTime ? backtrack(events, 0) >= 0 : statesMatch(events);
    }

    @Override
    public long count(StoredEvents events) {
        if ((events.seen() & used) != used) {
            return 0;
        }
        long count = 0;
        for (int start = 0; start < events.size(); count++) {
            int end = backtrack(events, start);
            if (end < 0) {
                break;
            }
            start = end;
        }
        return count;
    }

    @Override
    public int[] firstMatchEvents(StoredEvents events) {
        if ((events.seen() & used) != used) {
            return null;
        }
        int[] consumed = new int[conditionEvents];
        // Backtracking finds the same first match as the set of states, and says which events it took.
        return backtrack(events, 0, consumed) < 0 ? null : consumed;
    }

    /**
     * The pattern without time constraints as a set of active states, one per event or '.'
     * condition passed; a '.*' lets its state stay active. Stops at the last state.
     */
    private boolean statesMatch(StoredEvents events) {
        List<Action> transitions = new ArrayList<>();
        List<Boolean> loops = new ArrayList<>();
        loops.add(false);
        for (Action action : actions) {
            if (action.kind == Kind.STAR) {
                loops.set(loops.size() - 1, true);
            } else {
                transitions.add(action);
                loops.add(false);
            }
        }
        int states = loops.size();
        boolean[] active = new boolean[states];
        active[0] = true;
        for (int position = 0; position < events.size() && !active[states - 1]; position++) {
            boolean[] next = new boolean[states];
            boolean any = false;
            for (int state = 0; state < states; state++) {
                if (!active[state]) {
                    continue;
                }
                if (state < transitions.size()) {
                    Action transition = transitions.get(state);
                    if (transition.kind == Kind.ANY || events.holds(position, transition.condition)) {
                        next[state + 1] = true;
                        any = true;
                    }
                }
                if (loops.get(state)) {
                    next[state] = true;
                    any = true;
                }
            }
            active = next;
            if (!any) {
                break;
            }
        }
        return active[states - 1];
    }

    /**
     * The backtracking matcher from event {@code start}: the position where the match stopped
     * (never {@code start} itself: one past it then), or -1 when there is none.
     */
    private int backtrack(StoredEvents events, int start) {
        return backtrack(events, start, null);
    }

    /** {@link #backtrack(StoredEvents, int)}, writing into {@code consumed} the event each condition of the match took. */
    private int backtrack(StoredEvents events, int start, int[] consumed) {
        int n = events.size();
        int taken = 0;
        long[] times = events.times();
        Deque<int[]> choices = new ArrayDeque<>();
        int action = 0;
        int position = start;
        int base = start;
        boolean failed = false;
        while (action < actions.length && position < n) {
            Action current = actions[action];
            switch (current.kind) {
                case CONDITION -> {
                    if (events.holds(position, current.condition)) {
                        if (consumed != null) {
                            consumed[taken] = position;
                        }
                        taken++;
                        base = position;
                        action++;
                        position++;
                    } else {
                        failed = true;
                    }
                }
                case ANY -> {
                    base = position;
                    action++;
                    position++;
                }
                case STAR -> {
                    choices.push(new int[] {action, position, base, taken});
                    base = position;
                    action++;
                }
                case TIME -> {
                    long limit = times[base] + current.micros;
                    boolean holds = switch (current.comparison) {
                        case LESS_OR_EQUAL -> times[position] <= limit;
                        case LESS -> times[position] < limit;
                        case GREATER_OR_EQUAL -> times[position] >= limit;
                        case GREATER -> times[position] > limit;
                        case EQUAL -> times[position] == limit;
                        case NOT_EQUAL -> throw new IllegalStateException("'!=' is not a ClickHouse time constraint");
                    };
                    if (holds) {
                        choices.push(new int[] {action, position, base, taken});
                        base = position;
                        action++;
                    } else if (current.comparison == TimeComparison.LESS_OR_EQUAL || current.comparison == TimeComparison.LESS) {
                        failed = true;
                    } else {
                        position++;
                        failed = position == n;
                    }
                }
            }
            if (failed) {
                // Back to the latest choice that still has an event to try.
                failed = false;
                boolean resumed = false;
                while (!choices.isEmpty() && !resumed) {
                    int[] choice = choices.pop();
                    action = choice[0];
                    position = choice[1] + 1;
                    base = choice[2];
                    taken = choice[3];
                    resumed = position != n;
                }
                if (!resumed) {
                    break;
                }
            }
        }
        while (action < actions.length && actions[action].skippableAtEnd()) {
            action++; // what is left may match nothing at the end of the events
        }
        if (action < actions.length) {
            return -1;
        }
        return position == start ? start + 1 : position;
    }
}
