package io.funnelql.bench;

import io.funnelql.dsl.model.FunnelQuery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** A finished run, rendered as aligned text or as a markdown table for docs/performance.md. */
public record BenchReport(Bench.Settings settings, Machine machine, int[] eventsPerUser, Map<String, String> engineLabels,
                          List<Measurement> measurements, Duration elapsed, double loadAverageAtEnd) {

    /** Whether every variant with counts returned the reference's. */
    public boolean allAgree() {
        return measurements.stream().allMatch(m -> m.agrees().orElse(true));
    }

    public String text() {
        List<String> lines = new ArrayList<>(header(false));
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        measurements.forEach(m -> rows.add(cells(m)));
        int[] widths = new int[COLUMNS.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        lines.add("");
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(i == 0 ? "" : "  ").append(pad(row.get(i), widths[i], i >= 2 && i <= 5));
            }
            lines.add(line.toString().stripTrailing());
        }
        lines.addAll(footer());
        return String.join("\n", lines) + "\n";
    }

    public String markdown() {
        List<String> lines = new ArrayList<>(header(true));
        lines.add("");
        lines.add("| " + String.join(" | ", COLUMNS) + " |");
        lines.add("|---|---|---:|---:|---:|---:|---|---|");
        measurements.forEach(m -> lines.add("| " + String.join(" | ", cells(m)) + " |"));
        lines.addAll(footer());
        return String.join("\n", lines) + "\n";
    }

    /** One line per variant, for the scaling curves (docs/performance/plot.py reads these). */
    public String csv() {
        List<String> lines = new ArrayList<>();
        lines.add("query,steps,events,variant,engine,median_seconds,events_per_second,timed_out,agrees");
        int steps = settings.query() instanceof FunnelQuery funnel ? funnel.steps().size() : 0;
        for (Measurement m : measurements) {
            Optional<Long> median = m.medianNanos();
            lines.add(String.join(",", settings.query().name().value(), Integer.toString(steps),
                    Integer.toString(settings.events()), m.name(), m.engine(),
                    median.map(n -> String.format(Locale.ROOT, "%.6f", n / 1e9)).orElse(""),
                    median.map(n -> String.format(Locale.ROOT, "%.0f", settings.events() / (n / 1e9))).orElse(""),
                    Boolean.toString(m.isTimedOut()), m.agrees().map(String::valueOf).orElse("")));
        }
        return String.join("\n", lines) + "\n";
    }

    private static final List<String> COLUMNS =
            List.of("variant", "engine", "median", "events/s", "vs expert", "vs generated SQL", "runs", "counts (agreement)");

    private List<String> header(boolean markdown) {
        String code = markdown ? "`" : "";
        List<String> lines = new ArrayList<>();
        lines.add((markdown ? "#### " : "") + "funnelql bench: " + describeQuery() + " over "
                + grouped(settings.events()) + " events");
        lines.add("");
        lines.add(bullet(markdown) + "command: " + code + settings.command() + code);
        lines.add(bullet(markdown) + String.format(Locale.ROOT,
                "machine: %d cores, %.1f GiB memory, %s, %s; JVM max heap %.1f GiB; load average %.2f at start, %.2f at end",
                machine.cores(), machine.memoryBytes() / (double) (1L << 30), machine.jvm(), machine.os(),
                machine.maxHeapBytes() / (double) (1L << 30), machine.loadAverage(), loadAverageAtEnd));
        lines.add(bullet(markdown) + "events: " + grouped(settings.events()) + " over " + grouped(settings.users())
                + " users in " + SyntheticEvents.TENANTS.size() + " tenants, seed " + settings.seed()
                + "; largest keys " + largestKeys() + " events");
        engineLabels.forEach((name, label) -> lines.add(bullet(markdown) + name + ": " + label));
        lines.add(bullet(markdown) + "median of " + settings.runs() + " interleaved run(s) per variant; budget "
                + settings.timeout().toSeconds() + " s per query; whole run " + seconds(elapsed.toNanos()));
        generatedVersusExpert().ifPresent(headline -> lines.add(bullet(markdown) + (markdown ? "**" + headline + "**" : headline)));
        return lines;
    }

    private List<String> footer() {
        List<String> notes = new ArrayList<>();
        for (Measurement m : measurements) {
            if (m.isTimedOut()) {
                notes.add(m.engine() + " " + m.name() + " timed out after " + settings.timeout().toSeconds()
                        + " s, was cancelled and was not repeated in later runs.");
            }
            m.failure().ifPresent(message -> notes.add(m.engine() + " " + m.name() + " FAILED: " + message));
            if (m.agrees().filter(agrees -> !agrees).isPresent()) {
                notes.add("!!! DISAGREEMENT: " + m.engine() + " " + m.name() + " returned " + m.counts().orElseThrow()
                        + "; the reference gives " + m.expected().orElseThrow() + " for query " + m.agreesWith());
            }
        }
        List<String> lines = new ArrayList<>();
        if (!notes.isEmpty()) {
            lines.add("");
            notes.forEach(note -> lines.add(bullet(true) + note));
        }
        return lines;
    }

    private static String bullet(boolean markdown) {
        return markdown ? "- " : "";
    }

    private String describeQuery() {
        String name = settings.query().name().value();
        String kind = settings.query() instanceof FunnelQuery funnel
                ? "funnel, " + funnel.steps().size() + " steps"
                : settings.query().getClass().getSimpleName().replace("Query", "").toLowerCase(Locale.ROOT);
        return name + " (" + kind + ")";
    }

    private String largestKeys() {
        int[] sorted = eventsPerUser.clone();
        Arrays.sort(sorted);
        List<String> top = new ArrayList<>();
        for (int i = sorted.length - 1; i >= Math.max(0, sorted.length - 3); i--) {
            top.add(grouped(sorted[i]));
        }
        return String.join(", ", top);
    }

    private List<String> cells(Measurement m) {
        Optional<Long> median = m.medianNanos();
        String medianText = m.isTimedOut() ? "timeout (> " + settings.timeout().toSeconds() + " s)"
                : m.failure().isPresent() ? "failed" : median.map(BenchReport::seconds).orElse("-");
        String rate = median.map(n -> rate(settings.events() / (n / 1e9))).orElse("-");
        String runs = m.nanos().stream().map(BenchReport::seconds).reduce((a, b) -> a + ", " + b).orElse("-");
        return List.of(m.name(), m.engine(), medianText, rate, ratio(m, expert(m.engine())), ratio(m, generated(m.engine())),
                runs, agreement(m));
    }

    /** The median of the engine's expert SQL for the timed query (an expert for another query is no yardstick). */
    private Optional<Long> expert(String engine) {
        return measurements.stream()
                .filter(other -> other.engine().equals(engine) && other.expert()
                        && other.agreesWith().equals(settings.query().name().value()))
                .findFirst().flatMap(Measurement::medianNanos);
    }

    private Optional<Long> generated(String engine) {
        return measurements.stream()
                .filter(other -> other.engine().equals(engine) && other.name().equals("generated SQL"))
                .findFirst().flatMap(Measurement::medianNanos);
    }

    /** Time relative to a yardstick on the same engine; a timeout gives a lower bound. */
    private String ratio(Measurement m, Optional<Long> yardstick) {
        if (m.engine().equals("reference") || yardstick.isEmpty()) {
            return "-";
        }
        if (m.isTimedOut()) {
            return String.format(Locale.ROOT, "> %s×", multiple(settings.timeout().toNanos() / (double) yardstick.get()));
        }
        return m.medianNanos().map(n -> multiple(n / (double) yardstick.get()) + "×").orElse("-");
    }

    /** The headline: on each engine, the generated SQL's time over the expert's. */
    private Optional<String> generatedVersusExpert() {
        List<String> ratios = new ArrayList<>();
        for (String engine : engineLabels.keySet()) {
            Optional<Long> expert = expert(engine);
            Optional<Long> generated = generated(engine);
            if (expert.isPresent() && generated.isPresent()) {
                ratios.add(engine + " " + multiple(generated.get() / (double) expert.get()) + "×");
            }
        }
        return ratios.isEmpty() ? Optional.empty() : Optional.of("generated SQL ÷ expert SQL (median time): " + String.join(", ", ratios));
    }

    private static String agreement(Measurement m) {
        if (m.counts().isEmpty()) {
            return "-";
        }
        String verdict = m.agrees().map(agrees -> agrees ? "agrees with " : "**DISAGREES** with ").orElse("unchecked, ")
                + m.agreesWith();
        return m.counts().get() + " (" + verdict + ")";
    }

    private static String multiple(double value) {
        return value >= 100 ? grouped(Math.round(value)) : String.format(Locale.ROOT, value >= 10 ? "%.0f" : "%.2f", value);
    }

    static String seconds(long nanos) {
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, seconds >= 10 ? "%.1f s" : seconds >= 0.1 ? "%.2f s" : "%.1f ms",
                seconds >= 0.1 ? seconds : seconds * 1000);
    }

    private static String rate(double perSecond) {
        return perSecond >= 1e6 ? String.format(Locale.ROOT, "%.1f M", perSecond / 1e6)
                : String.format(Locale.ROOT, "%.0f k", perSecond / 1e3);
    }

    static String grouped(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static String pad(String text, int width, boolean right) {
        String padding = " ".repeat(width - text.length());
        return right ? padding + text : text + padding;
    }
}
