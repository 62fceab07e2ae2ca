package io.funnelql.golden.differential;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a run covered and where its time went: pairs, compilations, engine runs per engine
 * (load and query), and the runs a known bug left out, with why. The times size the default
 * tries (docs/differential-testing.md).
 */
final class DifferentialTally {
    private final long started = System.nanoTime();
    private long pairs;
    private long compilations;
    private long compileNanos;
    private final Map<String, Long> runs = new TreeMap<>();
    private final Map<String, Long> runNanos = new TreeMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();

    synchronized void pair() {
        pairs++;
    }

    synchronized void compiled(long nanos) {
        compilations++;
        compileNanos += nanos;
    }

    synchronized void ran(String engine, long nanos) {
        runs.merge(engine, 1L, Long::sum);
        runNanos.merge(engine, nanos, Long::sum);
    }

    synchronized void skipped(String engine, String reason) {
        skipped.merge(engine + ": " + reason, 1L, Long::sum);
    }

    synchronized String summary() {
        StringBuilder text = new StringBuilder("DifferentialTest: " + pairs + " (spec, dataset) pairs in "
                + seconds(System.nanoTime() - started) + " s (seed " + RunSettings.seed() + ", " + RunSettings.tries()
                + " tries of " + DifferentialTest.DATASETS_PER_SPEC + " datasets)");
        text.append("\n  compilations: ").append(compilations).append(" in ").append(seconds(compileNanos)).append(" s");
        runs.forEach((engine, count) -> text.append("\n  ").append(engine).append(": ").append(count).append(" runs in ")
                .append(seconds(runNanos.get(engine))).append(" s"));
        skipped.forEach((reason, count) -> text.append("\n  not run (known bug): ").append(count).append(" × ").append(reason));
        return text.toString();
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }
}
