package io.funnelql.reference.funnel;

import io.funnelql.dsl.model.FunnelRules;
/**
 * The scan from one fixed entry event (duckdb-behavioral's per-entry scan, with FunnelQL's
 * window anchor, bound and tie knobs): greedily takes, for each next step, the earliest event
 * that qualifies. Used by {@code entry first}, {@code entry every}, and by the duckdb_behavioral
 * profile's {@code entry latest} (the best of all entries).
 */
final class EntryScan {
    private EntryScan() {}

    static Attempt from(int entry, KeyEvents events, FunnelRules rules) {
        int steps = rules.steps();
        long[] times = new long[steps];
        int[] positions = new int[steps];
        int level = 1;
        times[0] = events.times()[entry];
        positions[0] = entry;
        if (rules.entryRowAdvances()) {
            level = advance(level, entry, events, rules, times, positions);
        }
        for (int position = entry + 1; position < events.size() && level < steps; position++) {
            long time = events.times()[position];
            int mask = events.masks()[position];
            long anchor = rules.anchorAtFirstStep() ? times[0] : times[level - 1];
            if (!rules.inside(time - anchor)) {
                break; // events only get later: nothing after this can qualify either
            }
            if (rules.allowReentry() && level > 1 && KeyEvents.has(mask, 1)) {
                level = 1;
                times[0] = time;
                positions[0] = position;
                continue;
            }
            boolean next = KeyEvents.has(mask, level + 1);
            if (rules.strictDeduplication() && KeyEvents.has(mask, level) && !next) {
                break;
            }
            if (rules.strictOrder() && (mask & ((1 << level) - 1)) != 0) {
                break;
            }
            if (!next || (rules.timestampDedup() && time == times[level - 1])) {
                continue;
            }
            level = advance(level, position, events, rules, times, positions);
        }
        return new Attempt(level, times, positions);
    }

    /** Fills as many next steps as the event at {@code position} matches (one under strict_once). */
    private static int advance(int level, int position, KeyEvents events, FunnelRules rules, long[] times, int[] positions) {
        long time = events.times()[position];
        int mask = events.masks()[position];
        while (level < rules.steps() && KeyEvents.has(mask, level + 1) && rules.follows(times[level - 1], time)) {
            times[level] = time;
            positions[level] = position;
            level++;
            if (rules.strictOnce()) {
                break;
            }
        }
        return level;
    }
}
