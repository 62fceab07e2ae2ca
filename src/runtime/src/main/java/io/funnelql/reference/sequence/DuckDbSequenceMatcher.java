package io.funnelql.reference.sequence;

import io.funnelql.dsl.model.PatternElement;
import io.funnelql.dsl.model.SequencePattern;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * duckdb-behavioral's sequence_match / sequence_count (v0.5.0, src/pattern/executor.rs): a
 * pattern of conditions only is matched on adjacent events; one of conditions and '.*' only by
 * a scan that looks for each condition after the previous one, adjacency between conditions
 * ignored (so {@code (?1)(?2).*(?3)} means {@code (?1).*(?2).*(?3)}); any other pattern by a
 * lazy depth-first search from each start event. A time constraint holds vacuously before the
 * first consumed event, fails at the end of the events, and otherwise compares the whole
 * seconds (truncated) from the last event consumed by (?N) or '.' to the event it stands at.
 * Counting restarts after the last consumed event. Its limit of 10,000 search states (after
 * which it reports no match) is not reproduced.
 */
final class DuckDbSequenceMatcher implements SequenceMatcher {
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final List<PatternElement> steps;
    private final List<Integer> conditions = new ArrayList<>();
    private final boolean conditionsOnly;
    private final boolean starSeparated;

    DuckDbSequenceMatcher(SequencePattern pattern) {
        this.steps = pattern.elements();
        boolean complex = false;
        boolean star = false;
        for (PatternElement step : steps) {
            if (step instanceof PatternElement.ConditionEvent event) {
                conditions.add(event.condition());
            } else if (step instanceof PatternElement.AnyEvents) {
                star = true;
            } else {
                complex = true;
            }
        }
        this.conditionsOnly = !complex && !conditions.isEmpty() && !star;
        this.starSeparated = !complex && !conditions.isEmpty() && star;
    }

    @Override
    public boolean matches(StoredEvents events) {
        return run(events, false, null) > 0;
    }

    @Override
    public long count(StoredEvents events) {
        return run(events, true, null);
    }

    @Override
    public int[] firstMatchEvents(StoredEvents events) {
        int[] consumed = new int[conditions.size()];
        return run(events, false, consumed) > 0 ? consumed : null;
    }

    /**
     * The number of matches (all of them, or 0 or 1); {@code consumed}, when given, receives the
     * event each condition of the first match took.
     */
    private long run(StoredEvents events, boolean all, int[] consumed) {
        if (events.size() == 0 || steps.isEmpty()) {
            return 0;
        }
        if (conditionsOnly) {
            return adjacent(events, all, consumed);
        }
        if (starSeparated) {
            return inOrder(events, all, consumed);
        }
        long total = 0;
        for (int start = 0; start < events.size(); ) {
            int end = search(events, start, total == 0 ? consumed : null);
            if (end < 0) {
                start++;
                continue;
            }
            total++;
            if (!all) {
                return total;
            }
            start = end + 1;
        }
        return total;
    }

    private long adjacent(StoredEvents events, boolean all, int[] consumed) {
        int k = conditions.size();
        long total = 0;
        int i = 0;
        while (i + k <= events.size()) {
            boolean matched = true;
            for (int j = 0; j < k && matched; j++) {
                matched = events.holds(i + j, conditions.get(j));
            }
            if (!matched) {
                i++;
                continue;
            }
            if (total == 0 && consumed != null) {
                for (int j = 0; j < k; j++) {
                    consumed[j] = i + j;
                }
            }
            total++;
            if (!all) {
                return total;
            }
            i += k;
        }
        return total;
    }

    private long inOrder(StoredEvents events, boolean all, int[] consumed) {
        long total = 0;
        int step = 0;
        for (int position = 0; position < events.size(); position++) {
            if (events.holds(position, conditions.get(step))) {
                if (total == 0 && consumed != null) {
                    consumed[step] = position;
                }
                step++;
                if (step == conditions.size()) {
                    total++;
                    if (!all) {
                        return total;
                    }
                    step = 0;
                }
            }
        }
        return total;
    }

    /** A consumed condition's event in a search state: a list shared by the states that extend it. */
    private record Taken(int position, Taken before) {}

    /**
     * The lazy search anchored at {@code start}: the last event position of its first match (0
     * when none consumed), or -1; {@code consumed}, when given, receives the event each condition
     * of that match took.
     */
    private int search(StoredEvents events, int start, int[] consumed) {
        long[] times = events.times();
        Deque<long[]> states = new ArrayDeque<>(); // {event position, step, last consumed time, whether one was}
        Deque<Taken> paths = new ArrayDeque<>(); // the conditions' events of each state, pushed and popped with it
        states.push(new long[] {start, 0, 0, 0});
        paths.push(new Taken(-1, null));
        while (!states.isEmpty()) {
            long[] state = states.pop();
            Taken path = paths.pop();
            int position = (int) state[0];
            int step = (int) state[1];
            if (step >= steps.size()) {
                if (consumed != null) {
                    for (int i = consumed.length - 1; i >= 0; i--, path = path.before()) {
                        consumed[i] = path.position();
                    }
                }
                return position > 0 ? position - 1 : 0;
            }
            PatternElement element = steps.get(step);
            if (position >= events.size()) {
                if (element instanceof PatternElement.AnyEvents) {
                    states.push(new long[] {position, step + 1, state[2], state[3]});
                    paths.push(path);
                }
                continue;
            }
            if (element instanceof PatternElement.ConditionEvent event) {
                if (events.holds(position, event.condition())) {
                    states.push(new long[] {position + 1, step + 1, times[position], 1});
                    paths.push(consumed == null ? path : new Taken(position, path)); // a count keeps no path
                }
            } else if (element instanceof PatternElement.AnyEvents) {
                states.push(new long[] {position + 1, step, state[2], state[3]}); // consume one more: tried last
                paths.push(path);
                states.push(new long[] {position, step + 1, state[2], state[3]}); // lazy: advance first
                paths.push(path);
            } else if (element instanceof PatternElement.AnyEvent) {
                states.push(new long[] {position + 1, step + 1, times[position], 1});
                paths.push(path);
            } else {
                PatternElement.TimeConstraint constraint = (PatternElement.TimeConstraint) element;
                boolean holds = state[3] == 0
                        || constraint.comparison().holds((times[position] - state[2]) / MICROS_PER_SECOND, constraint.seconds());
                if (holds) {
                    states.push(new long[] {position, step + 1, state[2], state[3]});
                    paths.push(path);
                }
            }
        }
        return -1;
    }
}
