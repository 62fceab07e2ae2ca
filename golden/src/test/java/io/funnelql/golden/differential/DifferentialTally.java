package io.funnelql.golden.differential;

import java.util.Map;
import java.util.TreeMap;

/** What a run covered: pairs, engine runs per engine, and the runs a known bug left out (with why). */
final class DifferentialTally {
    private final long started = System.nanoTime();
    private long pairs;
    private final Map<String, Long> runs = new TreeMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();

    synchronized void pair() {
        pairs++;
    }

    synchronized void ran(String engine) {
        runs.merge(engine, 1L, Long::sum);
    }

    synchronized void skipped(String engine, String reason) {
        skipped.merge(engine + ": " + reason, 1L, Long::sum);
    }

    synchronized String summary() {
        StringBuilder text = new StringBuilder("DifferentialTest: " + pairs + " (spec, dataset) pairs in "
                + (System.nanoTime() - started) / 1_000_000_000L + " s (seed " + RunSettings.seed() + ", "
                + RunSettings.tries() + " tries of " + DifferentialTest.DATASETS_PER_SPEC + " datasets)\n  engine runs: " + runs);
        skipped.forEach((reason, count) -> text.append("\n  not run (known bug): ").append(count).append(" × ").append(reason));
        return text.toString();
    }
}
