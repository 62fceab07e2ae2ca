package io.funnelql.reference.funnel;

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
        int steps = rules.steps();
        long[][] entries = Entries.of(events, rules.strictOrder());
        boolean[] set = new boolean[steps];
        long[][] chainTimes = new long[steps][steps];
        int[][] chainPositions = new int[steps][steps];
        boolean firstEvent = false;
        for (long[] entry : entries) {
            long time = entry[0];
            int step = (int) entry[1];
            int position = (int) entry[2];
            int index = step - 1;
            if (index == -1) {
                if (firstEvent) {
                    return result(set, chainTimes, chainPositions);
                }
                continue;
            }
            if (index == 0) {
                set[0] = true;
                chainTimes[0][0] = time;
                chainPositions[0][0] = position;
                firstEvent = true;
                continue;
            }
            if (rules.strictDeduplication() && set[index]) {
                return result(set, chainTimes, chainPositions);
            }
            if (rules.strictOrder() && firstEvent && !set[index - 1]) {
                if (rules.allowReentry()) {
                    continue;
                }
                return result(set, chainTimes, chainPositions);
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
                    if (index + 1 == steps) {
                        return result(set, chainTimes, chainPositions);
                    }
                }
            }
        }
        return result(set, chainTimes, chainPositions);
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
