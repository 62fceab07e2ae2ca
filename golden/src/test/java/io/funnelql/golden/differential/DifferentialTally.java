package io.funnelql.golden.differential;

import io.funnelql.dsl.model.FunnelQuery;
import io.funnelql.dsl.model.Query;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a run covered and where its time went: pairs, specs per kind (funnels by step count),
 * compilations, engine runs per engine (load and query). The times size the default tries
 * (docs/differential-testing.md).
 */
final class DifferentialTally {
    private final long started = System.nanoTime();
    private long pairs;
    private long batchedPairs;
    private long batches;
    private final Map<String, Long> classes = new TreeMap<>();
    private long compilations;
    private long compileNanos;
    private final Map<String, Long> specs = new TreeMap<>();
    private final Map<String, Long> specNanos = new TreeMap<>();
    private final Map<String, Long> runs = new TreeMap<>();
    private final Map<String, Long> runNanos = new TreeMap<>();
    private final Map<String, Long> skips = new TreeMap<>();

    /** One (spec, dataset) pair checked, and the classes of edge it holds ({@link EdgeClasses}). */
    synchronized void pair(Set<String> edges) {
        pairs++;
        edges.forEach(edge -> classes.merge(edge, 1L, Long::sum));
    }

    /** One pair checked on the batched engines only ({@link DifferentialTest#BATCHED_ENGINES}). */
    synchronized void batchedPair(Set<String> edges) {
        batchedPairs++;
        edges.forEach(edge -> classes.merge(edge, 1L, Long::sum));
    }

    /** One spec's datasets checked as one table ({@link Batch}). */
    synchronized void batch() {
        batches++;
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
    synchronized void skipped(String engine, String why, int pairs) {
        skips.merge(engine + " skipped " + why, (long) pairs, Long::sum);
    }

    synchronized String summary() {
        StringBuilder text = new StringBuilder("DifferentialTest: " + (pairs + batchedPairs) + " (spec, dataset) pairs in "
                + seconds(System.nanoTime() - started) + " s (seed " + RunSettings.seed() + ", " + RunSettings.tries()
                + " tries of " + DifferentialTest.DATASETS_PER_SPEC + " datasets, or " + DifferentialTest.DATASETS_PER_BATCH
                + " in one table for the " + batches + " specs whose rows name their user)\n  on every engine: " + pairs
                + " pairs; on " + String.join(" and ", DifferentialTest.BATCHED_ENGINES) + " only (the rest of each batch): "
                + batchedPairs + " pairs");
        specs.forEach((kind, count) -> text.append("\n  ").append(kind).append(": ").append(count).append(" specs in ")
                .append(seconds(specNanos.get(kind))).append(" s"));
        text.append("\n  compilations: ").append(compilations).append(" in ").append(seconds(compileNanos)).append(" s");
        runs.forEach((engine, count) -> text.append("\n  ").append(engine).append(": ").append(count).append(" runs in ")
                .append(seconds(runNanos.get(engine))).append(" s"));
        text.append("\n  pairs per class of edge (a pair may hold several):");
        classes.forEach((edge, count) -> text.append("\n    ").append(edge).append(": ").append(count).append(" (")
                .append(String.format(Locale.ROOT, "%.1f", 100.0 * count / Math.max(1, pairs + batchedPairs))).append(" %)"));
        skips.forEach((skip, count) -> text.append("\n  ").append(skip).append(": ").append(count).append(" pairs"));
        return text.toString();
    }

    private static long seconds(long nanos) {
        return Math.round(nanos / 1e9);
    }
}
