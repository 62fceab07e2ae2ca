package io.funnelql.reference.funnel;

import io.funnelql.dsl.model.FunnelRules;

import java.util.Arrays;

/**
 * ClickHouse's windowFunnel scan (AggregateFunctionWindowFunnel.cpp, every mode but strict_once):
 * one entry (time, step) per true condition of a row, plus (time, 0) for a row matching nothing
 * under strict_order; entries sorted by (time, step); level k holds the most recent chain that
 * reached it, and a newer step-1 entry restarts level 1.
 */
final class ClickHouseScan {
    private ClickHouseScan() {}

    static Attempt scan(KeyEvents events, FunnelRules rules) {
        State state = new State(rules);
        Entries.walk(events, rules.steps(), rules.strictOrder(), state::visit);
        return result(state.set, state.chainTimes, state.chainPositions);
    }

    /** Level k's chain: its step times and positions; {@code set[k]} once level k+1 was reached. */
    private static final class State {
        private final FunnelRules rules;
        private final boolean[] set;
        private final long[][] chainTimes;
        private final int[][] chainPositions;
        private boolean firstEvent;

        State(FunnelRules rules) {
            this.rules = rules;
            this.set = new boolean[rules.steps()];
            this.chainTimes = new long[rules.steps()][rules.steps()];
            this.chainPositions = new int[rules.steps()][rules.steps()];
        }

        /** One entry; false ends the scan (the result is then the highest level set). */
        boolean visit(long time, int step, int position) {
            int index = step - 1;
            if (index == -1) {
                return !firstEvent;
            }
            if (index == 0) {
                set[0] = true;
                chainTimes[0][0] = time;
                chainPositions[0][0] = position;
                firstEvent = true;
                return true;
            }
            if (rules.strictDeduplication() && set[index]) {
                return false;
            }
            if (rules.strictOrder() && firstEvent && !set[index - 1]) {
                return rules.allowReentry();
            }
            if (set[index - 1]) {
                long previous = chainTimes[index - 1][index - 1];
                long anchor = rules.anchorAtFirstStep() ? chainTimes[index - 1][0] : previous;
                if (rules.inside(time - anchor) && rules.follows(previous, time)) {
                    set[index] = true;
                    System.arraycopy(chainTimes[index - 1], 0, chainTimes[index], 0, index);
                    System.arraycopy(chainPositions[index - 1], 0, chainPositions[index], 0, index);
                    chainTimes[index][index] = time;
                    chainPositions[index][index] = position;
                    return index + 1 != rules.steps();
                }
            }
            return true;
        }
    }

    /** The highest level set, with the chain that reached it. */
    private static Attempt result(boolean[] set, long[][] chainTimes, int[][] chainPositions) {
        for (int level = set.length; level >= 1; level--) {
            if (set[level - 1]) {
                return new Attempt(level, Arrays.copyOf(chainTimes[level - 1], level),
                        Arrays.copyOf(chainPositions[level - 1], level));
            }
        }
        return Attempt.NONE;
    }
}
