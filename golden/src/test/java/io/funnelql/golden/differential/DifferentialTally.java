package io.funnelql.golden.differential;

import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.Query;

import java.util.Map;
import java.util.TreeMap;

/**
 * What a run covered and where its time went: pairs, specs per kind (funnels by step count),
 * compilations, engine runs per engine (load and query). The times size the default tries
 * (docs/differential-testing.md).
 */
final class DifferentialTally {
    private final long started = System.nanoTime();
    private long pairs;
    private long compilations;
    private long compileNanos;
    private final Map<String, Long> specs = new TreeMap<>();
    private final Map<String, Long> specNanos = new TreeMap<>();
    private final Map<String, Long> runs = new TreeMap<>();
    private final Map<String, Long> runNanos = new TreeMap<>();
    private final Map<String, Long> skips = new TreeMap<>();

    synchronized void pair() {
        pairs++;
    }

    /** One spec and its datasets done, in {@code nanos} (compilations and every engine's runs). */
    synchronized void spec(Query query, long nanos) {
        String kind = query instanceof FunnelQuery funnel ? "funnel of " + funnel.steps().size() + " steps" : query.kind();
        specs.merge(kind, 1L, Long::sum);
        specNanos.merge(kind, nanos, Long::sum);
    }

    synchronized void compiled(long nanos) {
        compilations++;
        compileNanos += nanos;
    }

    synchronized void ran(String engine, long nanos) {
        runs.merge(engine, 1L, Long::sum);
        runNanos.merge(engine, nanos, Long::sum);
    }

    /** A pair one engine does not run, and why (DifferentialTest#tooSlowOn). */
    synchronized void skipped(String engine, String why) {
        skips.merge(engine + " skipped " + why, 1L, Long::sum);
    }

    synchronized String summary() {
        StringBuilder text = new StringBuilder("DifferentialTest: " + pairs + " (spec, dataset) pairs in "
                + seconds(System.nanoTime() - started) + " s (seed " + RunSettings.seed() + ", " + RunSettings.tries()
                + " tries of " + DifferentialTest.DATASETS_PER_SPEC + " datasets)");
        specs.forEach((kind, count) -> text.append("\n  ").append(kind).append(": ").append(count).append(" specs in ")
                .append(seconds(specNanos.get(kind))).append(" s"));
        text.append("\n  compilations: ").append(compilations).append(" in ").append(seconds(compileNanos)).append(" s");
        runs.forEach((engine, count) -> text.append("\n  ").append(engine).append(": ").append(count).append(" runs in ")
                .append(seconds(runNanos.get(engine))).append(" s"));
        skips.forEach((skip, count) -> text.append("\n  ").append(skip).append(": ").append(count).append(" pairs"));
        return text.toString();
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }
}
