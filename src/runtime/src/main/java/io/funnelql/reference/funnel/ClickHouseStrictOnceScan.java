package io.funnelql.reference.funnel;

import io.funnelql.dsl.model.FunnelRules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ClickHouse's windowFunnel under strict_once: every level keeps all candidate chains, and a
 * step extends each chain of the level below that is inside the window, does not already use
 * this row, and (strict_increase) ends strictly earlier. One row can therefore fill one step only.
 */
final class ClickHouseStrictOnceScan {
    private ClickHouseStrictOnceScan() {}

    private record Chain(long[] times, int[] positions) {
        int length() {
            return times.length;
        }

        boolean uses(int position) {
            for (int used : positions) {
                if (used == position) {
                    return true;
                }
            }
            return false;
        }

        Chain extend(long time, int position) {
            long[] newTimes = Arrays.copyOf(times, times.length + 1);
            int[] newPositions = Arrays.copyOf(positions, positions.length + 1);
            newTimes[times.length] = time;
            newPositions[positions.length] = position;
            return new Chain(newTimes, newPositions);
        }
    }

    static Attempt scan(KeyEvents events, FunnelRules rules) {
        List<List<Chain>> levels = new ArrayList<>();
        for (int level = 0; level < rules.steps(); level++) {
            levels.add(new ArrayList<>());
        }
        boolean[] firstEvent = {false};
        Entries.walk(events, rules.steps(), rules.strictOrder(), (time, step, position) -> {
            int index = step - 1;
            if (index == -1) {
                return !firstEvent[0];
            }
            if (index == 0) {
                levels.get(0).add(new Chain(new long[] {time}, new int[] {position}));
                firstEvent[0] = true;
                return true;
            }
            if (rules.strictDeduplication() && !levels.get(index).isEmpty()) {
                return false;
            }
            if (rules.strictOrder() && firstEvent[0] && levels.get(index - 1).isEmpty()) {
                return rules.allowReentry();
            }
            List<Chain> below = levels.get(index - 1);
            if (below.isEmpty()) {
                return true;
            }
            for (Chain chain : List.copyOf(below)) {
                long previous = chain.times()[chain.length() - 1];
                long anchor = rules.anchorAtFirstStep() ? chain.times()[0] : previous;
                if (rules.inside(time - anchor) && !chain.uses(position) && rules.follows(previous, time)) {
                    levels.get(index).add(chain.extend(time, position));
                }
            }
            prune(below, time, rules);
            return index + 1 != rules.steps() || levels.get(index).isEmpty();
        });
        return result(levels);
    }

    /** Drops chains that can no longer be extended, keeping at least one (as ClickHouse does). */
    private static void prune(List<Chain> chains, long time, FunnelRules rules) {
        for (int i = chains.size() - 1; i >= 0 && chains.size() > 1; i--) {
            Chain chain = chains.get(i);
            long anchor = rules.anchorAtFirstStep() ? chain.times()[0] : chain.times()[chain.length() - 1];
            if (!rules.inside(time - anchor)) {
                chains.remove(i);
            }
        }
    }

    private static Attempt result(List<List<Chain>> levels) {
        for (int level = levels.size(); level >= 1; level--) {
            if (!levels.get(level - 1).isEmpty()) {
                Chain chain = levels.get(level - 1).get(0);
                return new Attempt(level, chain.times(), chain.positions());
            }
        }
        return Attempt.NONE;
    }
}
