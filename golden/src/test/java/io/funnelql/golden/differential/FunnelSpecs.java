package io.funnelql.golden.differential;

import io.funnelql.dsl.model.Micros;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Funnel queries of 2 to 5 steps (now and then up to 8, rarely 32) with any combination of the
 * knobs of docs/semantics.md that the compiler compiles today. In every list the omitted clause
 * (the default) comes first, so shrinking drops knobs that do not matter.
 */
final class FunnelSpecs {
    private static final List<String> MODES = List.of(
            "strict_deduplication", "strict", "strict_order", "strict_increase", "strict_once", "allow_reentry",
            "timestamp_dedup");
    /** Bases: a plain morning, and one just before 1970, where epoch arithmetic turns negative. */
    private static final List<LocalDateTime> BASES = List.of(
            LocalDateTime.of(2024, 1, 1, 10, 0), LocalDateTime.of(1969, 12, 31, 23, 30));

    private FunnelSpecs() {}

    /** The window clause and its length, which sizes the time grid. */
    private record Window(DurationLiteral length, String clause) {}

    /** The clauses that shape a funnel's scan; kept apart so that {@link #compilable} can see them together. */
    private record Scan(String entry, String profile, Set<String> modes, String ties, String nulls) {}

    static Arbitrary<GeneratedSpec> any(SourceShape shape) {
        Arbitrary<Scan> scans = Combinators.combine(
                        Arbitraries.of("", "entry first", "entry latest", "entry every"),
                        Arbitraries.of("", "profile clickhouse", "profile duckdb_behavioral"),
                        Arbitraries.of(MODES).set().ofMaxSize(3),
                        Arbitraries.of("", "ties allowed", "ties forbidden"),
                        Arbitraries.of("", "null condition skips row", "null condition is false"))
                .as(Scan::new)
                .map(FunnelSpecs::compilable);
        Arbitrary<Window> windows = Combinators.combine(
                        DurationLiteral.windows(),
                        Arbitraries.of("from first step", "from previous step"),
                        Arbitraries.of("", "inclusive", "exclusive"))
                // A zero window is inclusive only: the analyser refuses an exclusive one (it admits no step after the first).
                .as((length, anchor, bound) -> new Window(length, line("within " + length.text() + " " + anchor,
                        length.micros() == 0 && bound.equals("exclusive") ? "" : bound)));
        return stepCounts().flatMap(count -> Conditions.step(shape).list().ofSize(count)).flatMap(steps -> Combinators.combine(
                        Conditions.countBy(shape),
                        Conditions.where(shape),
                        windows,
                        scans,
                        exclusions(shape, steps.size()),
                        breakdown(shape, steps.size()),
                        Arbitraries.of("", "report steps", "report per key", "report time to convert"),
                        Arbitraries.of(BASES))
                .as((countBy, where, window, scan, exclusions, breakdown, report, base) -> {
                    Set<String> modes = new LinkedHashSet<>(scan.modes());
                    List<String> clauses = new ArrayList<>(List.of(countBy, where, window.clause(), scan.entry()));
                    if (!modes.isEmpty()) {
                        clauses.add("mode " + String.join(", ", modes));
                    }
                    // KNOWN: sessions-duration-beyond-142-years: time to convert past 2^52 µs (a 110000-day window's
                    // grid) rounds its median one microsecond up, as sessions' durations do.
                    boolean pastDoublePrecision = window.length().micros() >= 1L << 52 && window.length().micros() < Micros.UNBOUNDED;
                    clauses.addAll(List.of(scan.profile(), scan.ties(), scan.nulls(), steps(steps), exclusions,
                            breakdown, pastDoublePrecision && report.equals("report time to convert") ? "" : report));
                    String query = "funnel f from events\n  " + clauses.stream().filter(c -> !c.isEmpty())
                            .collect(Collectors.joining("\n  ")) + ";";
                    return new GeneratedSpec(shape, query, TimeGrid.around(window.length(), base));
                }));
    }

    /**
     * 2 to 5 steps most often, 6 to 8 now and then, and about one funnel in 230 of 32 steps (the
     * most there is): on H2 one of those costs 10 to 90 s over its 8 datasets, as much as 50 to
     * 300 short funnels (docs/differential-testing.md).
     */
    private static Arbitrary<Integer> stepCounts() {
        return Arbitraries.frequencyOf(Tuple.of(200, uniform(2, 5)), Tuple.of(30, uniform(6, 8)), Tuple.of(1, Arbitraries.just(32)));
    }

    /**
     * Drops the knob combinations the analyser rejects: timestamp_dedup outside duckdb_behavioral,
     * 'ties allowed' with strict_increase, a mode and its alias together; allow_reentry in the
     * clickhouse profile needs strict_order, so it brings it. The compiler refuses nothing.
     */
    private static Scan compilable(Scan scan) {
        boolean clickhouse = !scan.profile().equals("profile duckdb_behavioral");
        Set<String> modes = new LinkedHashSet<>(scan.modes());
        if (modes.contains("strict")) {
            modes.remove("strict_deduplication"); // the alias and its mode together are "listed twice"
        }
        if (clickhouse) {
            modes.remove("timestamp_dedup");
            if (modes.contains("allow_reentry")) {
                modes.add("strict_order");
            }
        }
        String ties = modes.contains("strict_increase") && scan.ties().equals("ties allowed") ? "" : scan.ties();
        return new Scan(scan.entry(), scan.profile(), modes, ties, scan.nulls());
    }

    private static String steps(List<String> conditions) {
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < conditions.size(); i++) {
            steps.add("s" + (i + 1) + ": " + conditions.get(i));
        }
        return "steps (" + String.join(", ", steps) + ")";
    }

    /** None, one or two exclusions, each between the default bounds or two named steps. */
    private static Arbitrary<String> exclusions(SourceShape shape, int steps) {
        Arbitrary<String> condition = Arbitraries.oneOf(
                Arbitraries.of("event_name = 'x'", "event_name = 'd'", "event_name is null"), Conditions.property(shape));
        Arbitrary<String> bounds = Arbitraries.integers().between(1, steps - 1).flatMap(after ->
                Arbitraries.integers().between(after + 1, steps).map(before -> "between s" + after + " and s" + before));
        Arbitrary<String> exclusion = Combinators.combine(condition, Arbitraries.oneOf(Arbitraries.just(""), bounds))
                .as((c, b) -> line(c, b));
        return Arbitraries.integers().between(0, 2).flatMap(count -> exclusion.list().ofSize(count).map(list -> {
            List<String> clauses = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                clauses.add("exclude e" + (i + 1) + ": " + list.get(i));
            }
            return String.join("\n  ", clauses);
        }));
    }

    /** None, or a breakdown by a column of the shape, attributed to the first, last or a named step. */
    private static Arbitrary<String> breakdown(SourceShape shape, int steps) {
        List<String> columns = new ArrayList<>(List.of(SourceShape.EVENT_NAME));
        if (shape.property() != SourceShape.Property.NONE) {
            columns.add(shape.propertyReference());
        }
        if (shape.title()) {
            columns.add(SourceShape.TITLE);
        }
        Arbitrary<String> attribution = Arbitraries.oneOf(Arbitraries.of("first step", "last step"),
                Arbitraries.integers().between(1, steps).map(step -> "step s" + step));
        Arbitrary<String> breakdown = Combinators.combine(Arbitraries.of(columns), attribution)
                .as((column, to) -> "breakdown by " + column + " attributed to " + to);
        return Arbitraries.oneOf(Arbitraries.just(""), breakdown);
    }

    /** jqwik's integers lean toward the small end; step counts should not. */
    private static Arbitrary<Integer> uniform(int min, int max) {
        return Arbitraries.integers().between(min, max).withDistribution(RandomDistribution.uniform());
    }

    private static String line(String first, String second) {
        return second.isEmpty() ? first : first + " " + second;
    }
}
