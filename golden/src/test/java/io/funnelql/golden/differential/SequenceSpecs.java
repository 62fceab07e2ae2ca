package io.funnelql.golden.differential;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sequence queries in both profiles: 2 to 4 conditions and a pattern of 1 to 6 elements —
 * conditions by number or name, '.', '.*' and time constraints whose length is the dataset grid's
 * unit (or 0, or twice it), so events fall on a constraint's boundary, 1 µs either side, and,
 * under duckdb_behavioral, on both sides of a whole second — reported per key, as totals or as the
 * first match's events; and next or previous node reports ({@link #nodes}).
 */
final class SequenceSpecs {
    private static final List<String> CLICKHOUSE_COMPARISONS = List.of("<=", "<", ">=", ">", "==");
    private static final List<String> DUCKDB_COMPARISONS = List.of("<=", "<", ">=", ">", "==", "!=");

    private SequenceSpecs() {}

    /** One element as drawn: its kind (0 condition, 1 '.', 2 '.*', 3 time) and two numbers to pick with. */
    private record Drawn(int kind, int pick, int scale) {}

    /** A pattern query (most often) or a next or previous node report. */
    static Arbitrary<GeneratedSpec> any(SourceShape shape) {
        return Arbitraries.frequencyOf(Tuple.of(3, patterns(shape)), Tuple.of(1, nodes(shape)));
    }

    /**
     * Next and previous node reports: 1 to 3 conditions chained, every base (ClickHouse's
     * refused pairs under duckdb_behavioral only), with or without a base condition; the value is
     * the event name, whose generated texts (hostile, empty, non-ASCII) order same-time events.
     */
    static Arbitrary<GeneratedSpec> nodes(SourceShape shape) {
        return Combinators.combine(
                        Conditions.countBy(shape),
                        Conditions.where(shape),
                        Conditions.step(shape).list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of("", "null condition skips row", "null condition is false"),
                        Arbitraries.of("next", "previous"),
                        Arbitraries.of("head", "tail", "first_match", "last_match"),
                        Arbitraries.of(false, true),
                        Arbitraries.frequencyOf(Tuple.of(2, Arbitraries.just("")),
                                Tuple.of(1, Conditions.step(shape).map(c -> "base (" + c + ")"))))
                .as((countBy, where, conditions, nulls, direction, base, duckDb, baseCondition) -> {
                    List<String> named = new ArrayList<>();
                    for (int i = 0; i < conditions.size(); i++) {
                        named.add("c" + (i + 1) + ": " + conditions.get(i));
                    }
                    boolean refused = direction.equals("next") ? base.equals("tail") : base.equals("head");
                    String report = "report " + direction + " node " + SourceShape.EVENT_NAME + " from " + base
                            + (baseCondition.isEmpty() ? "" : " " + baseCondition);
                    String query = "sequence s from events\n  " + Stream.of(countBy, where,
                                    duckDb || refused ? "profile duckdb_behavioral" : "", nulls,
                                    "conditions (" + String.join(", ", named) + ")", report)
                            .filter(c -> !c.isEmpty()).collect(Collectors.joining("\n  ")) + ";";
                    return new GeneratedSpec(shape, query, TimeGrid.around(new DurationLiteral("1 second", 1_000_000L),
                            LocalDateTime.of(2024, 1, 1, 10, 0)));
                });
    }

    private static Arbitrary<GeneratedSpec> patterns(SourceShape shape) {
        Arbitrary<Drawn> element = Combinators.combine(
                        Arbitraries.frequency(Tuple.of(6, 0), Tuple.of(2, 1), Tuple.of(3, 2), Tuple.of(3, 3)),
                        Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 3))
                .as(Drawn::new);
        Arbitrary<DurationLiteral> unit = Arbitraries.of(new DurationLiteral("1 second", 1_000_000L),
                new DurationLiteral("90 seconds", 90_000_000L), new DurationLiteral("10 minutes", 600_000_000L),
                new DurationLiteral("1 hour", 3_600_000_000L));
        return Combinators.combine(
                        Conditions.countBy(shape),
                        Conditions.where(shape),
                        Conditions.step(shape).list().ofMinSize(2).ofMaxSize(4),
                        Arbitraries.of("", "null condition skips row", "null condition is false"),
                        Arbitraries.of("", "report per key", "report summary", "report events"),
                        Arbitraries.of(false, true),
                        element.list().ofMinSize(1).ofMaxSize(6),
                        unit)
                .as((countBy, where, conditions, nulls, report, duckDb, drawn, length) -> {
                    List<String> named = new ArrayList<>();
                    for (int i = 0; i < conditions.size(); i++) {
                        named.add("c" + (i + 1) + ": " + conditions.get(i));
                    }
                    String pattern = pattern(drawn, conditions.size(), duckDb, length.micros() / 1_000_000L);
                    // The events report refuses a pattern without (?N): it would list nothing.
                    String reported = report.equals("report events") && !pattern.contains("(?c") && !pattern.matches(".*\\(\\?[0-9].*")
                            ? "report per key" : report;
                    String query = "sequence s from events\n  " + Stream.of(countBy, where,
                                    duckDb ? "profile duckdb_behavioral" : "", nulls,
                                    "conditions (" + String.join(", ", named) + ")",
                                    "pattern " + Conditions.literal(pattern), reported)
                            .filter(c -> !c.isEmpty()).collect(Collectors.joining("\n  ")) + ";";
                    return new GeneratedSpec(shape, query, TimeGrid.around(length, LocalDateTime.of(2024, 1, 1, 10, 0)));
                });
    }

    /**
     * The drawn elements as a pattern the profile accepts: a time constraint never follows another,
     * never stands between two '.*' under duckdb_behavioral, and a duckdb_behavioral pattern
     * consumes at least one event.
     */
    private static String pattern(List<Drawn> drawn, int conditions, boolean duckDb, long seconds) {
        List<String> elements = new ArrayList<>();
        List<Integer> kinds = new ArrayList<>();
        for (Drawn d : drawn) {
            int previous = kinds.isEmpty() ? -1 : kinds.get(kinds.size() - 1);
            if (d.kind() == 3 && previous == 3) {
                continue;
            }
            if (d.kind() == 2 && duckDb && previous == 3 && kinds.size() >= 2 && kinds.get(kinds.size() - 2) == 2) {
                continue;
            }
            kinds.add(d.kind());
            elements.add(switch (d.kind()) {
                case 0 -> {
                    int condition = d.pick() % conditions + 1;
                    yield d.scale() == 0 ? "(?c" + condition + ")" : "(?" + condition + ")";
                }
                case 1 -> ".";
                case 2 -> ".*";
                default -> {
                    List<String> comparisons = duckDb ? DUCKDB_COMPARISONS : CLICKHOUSE_COMPARISONS;
                    long length = switch (d.scale()) {
                        case 0 -> 0;
                        case 3 -> 2 * seconds;
                        default -> seconds;
                    };
                    yield "(?t" + comparisons.get(d.pick() % comparisons.size()) + length + ")";
                }
            });
        }
        if (duckDb && !kinds.contains(0) && !kinds.contains(1)) {
            elements.add("(?1)");
        }
        return String.join("", elements);
    }
}
