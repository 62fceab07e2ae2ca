package io.funnelql.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What one variant did over the repetitions: its run times, its counts, a timeout or a failure. */
public final class Measurement {
    private final String name;
    private final String engine;
    private final String agreesWith;
    private final boolean expert;
    private final boolean rowCountOnly;
    private final List<Long> nanos = new ArrayList<>();
    private List<Long> counts;
    private List<Long> expected;
    private boolean timedOut;
    private String failure;

    Measurement(Variant variant) {
        this.name = variant.name();
        this.engine = variant.engine();
        this.agreesWith = variant.agreesWith();
        this.expert = variant.expert();
        this.rowCountOnly = variant.rowCountOnly();
    }

    void ran(long elapsedNanos, List<Long> result) {
        nanos.add(elapsedNanos);
        counts = result;
    }

    void timedOut() {
        timedOut = true;
    }

    void failed(String message) {
        failure = message;
    }

    /** The reference's counts for the query; a variant that returns only a row count is held to the first, the number of rows. */
    void expect(List<Long> reference) {
        expected = rowCountOnly ? reference.subList(0, 1) : reference;
    }

    /** A variant that timed out or failed is not run again in later repetitions. */
    boolean finished() {
        return timedOut || failure != null;
    }

    public String name() {
        return name;
    }

    public String engine() {
        return engine;
    }

    public String agreesWith() {
        return agreesWith;
    }

    /** Whether this is the expert's hand-written SQL, the yardstick of the generated SQL. */
    public boolean expert() {
        return expert;
    }

    public List<Long> nanos() {
        return List.copyOf(nanos);
    }

    public boolean isTimedOut() {
        return timedOut;
    }

    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Optional<List<Long>> counts() {
        return Optional.ofNullable(counts);
    }

    /** The median run (the upper middle one for an even count); empty when no run completed. */
    public Optional<Long> medianNanos() {
        if (nanos.isEmpty() || timedOut) {
            return Optional.empty();
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        return Optional.of(sorted.get(sorted.size() / 2));
    }

    /** Whether its counts equal the reference's for the query it agrees with; empty when it has no counts. */
    public Optional<Boolean> agrees() {
        if (counts == null || expected == null) {
            return Optional.empty();
        }
        return Optional.of(counts.equals(expected));
    }

    public Optional<List<Long>> expected() {
        return Optional.ofNullable(expected);
    }
}
