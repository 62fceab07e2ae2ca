package io.funnelql.cli;

import io.funnelql.bench.Bench;
import io.funnelql.bench.BenchReport;
import io.funnelql.bench.BenchSpecs;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.input.ParameterValues;
import io.funnelql.input.SpecificationFiles;
import io.funnelql.input.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql bench [--events N --users U --seed S] [--format text|markdown]}. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Time the reference executor, the generated SQL and naive baselines on synthetic events.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000", description = "Number of events (default 1000000).")
    long events;

    @Option(names = "--users", paramLabel = "U", defaultValue = "20000", description = "Number of users (default 20000).")
    int users;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Generator seed (default 42).")
    long seed;

    @Option(names = "--spec", paramLabel = "SPEC", description = "Specification to time; default: a 3-step funnel, 1 hour window. "
            + "Its source must have the columns tenant_id, user_id, occurred_at, event_name; others are NULL.")
    Optional<Path> specification;

    @Option(names = "--query", paramLabel = "NAME", description = "Query of --spec (or of the built-in spec: checkout, "
            + "checkout_any_entry, checkout_clickhouse, checkout_strict_once, visits, daily) to time.")
    Optional<String> query;

    @Option(names = "--steps", paramLabel = "K", description = "Time a generated K-step funnel (2 to 32) instead.")
    Optional<Integer> steps;

    @Option(names = "--engines", paramLabel = "E,...", split = ",", defaultValue = "duckdb,postgres",
            description = "Engines to time on (default duckdb,postgres; also h2, oracle-h2, spark), or none.")
    List<String> engines;

    @Option(names = "--no-reference", description = "Do not time the reference executor.")
    boolean noReference;

    @Option(names = "--no-baselines", description = "Do not time the hand-written baselines.")
    boolean noBaselines;

    @Option(names = "--variants", paramLabel = "V,...", split = ",",
            description = "Time only the variants whose name contains one of these (spaces as '-'): "
                    + "presorted, unsorted, generated, self-join, cte-chain, window-pass.")
    List<String> variants;

    @Option(names = "--runs", paramLabel = "R", defaultValue = "3", description = "Runs per variant; the median is reported (default 3).")
    int runs;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Output: text (default), markdown, or csv (one line per variant, for plots).")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Optional<Path> output;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also append the csv lines to FILE (for the scaling curves).")
    Optional<Path> csv;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Budget per query (default 120 s).")
    int timeoutSeconds;

    /** The command as typed: the parse result's arguments also hold the top-level ones before "bench". */
    private String commandLine() {
        List<String> arguments = spec.commandLine().getParseResult().originalArgs();
        int bench = arguments.indexOf("bench");
        return "./funnelql bench " + String.join(" ", arguments.subList(bench + 1, arguments.size()));
    }

    @Override
    public Integer call() {
        format = Choices.check("bench", "--format", format, List.of("text", "markdown", "csv"));
        if (events < 0 || events > Integer.MAX_VALUE - 8 || users < 1 || runs < 1 || timeoutSeconds < 1) {
            throw new UserInputException("funnelql bench: need 0 <= --events < 2^31, --users >= 1, --runs >= 1, --timeout >= 1");
        }
        List<String> engineNames = new ArrayList<>();
        for (String engine : engines) {
            if (!engine.equals("none")) {
                engineNames.add(EngineNames.canonical(engine));
            }
        }
        Specification loaded;
        Query selected;
        if (steps.isPresent()) {
            if (specification.isPresent() || query.isPresent()) {
                throw new UserInputException("funnelql bench: --steps generates its own funnel; drop --spec and --query");
            }
            try {
                loaded = BenchSpecs.withSteps(steps.get());
            } catch (IllegalArgumentException e) {
                throw new UserInputException("funnelql bench: " + e.getMessage());
            }
            selected = loaded.query(BenchSpecs.stepsQueryName(steps.get())).orElseThrow();
        } else {
            loaded = specification.map(SpecificationFiles::load).orElseGet(BenchSpecs::builtIn);
            selected = specification.isPresent() || query.isPresent()
                    ? SpecificationFiles.query(loaded, query)
                    : loaded.query(BenchSpecs.DEFAULT_QUERY).orElseThrow();
        }
        // The baselines read the built-in spec's table and answer its queries: with another spec
        // or a generated funnel they would answer a different question.
        boolean baselines = !noBaselines && specification.isEmpty() && steps.isEmpty();
        PrintWriter err = spec.commandLine().getErr();
        if (!noBaselines && !baselines) {
            err.println("bench: the hand-written baselines are written for the built-in spec's 3-step funnel; skipped");
        }
        Bench.Settings settings = new Bench.Settings((int) events, users, seed, loaded, selected,
                ParameterValues.resolve(loaded, Map.of()), engineNames, !noReference, baselines,
                variants == null ? List.of() : variants, runs,
                Duration.ofSeconds(timeoutSeconds), commandLine());
        BenchReport report = Bench.run(settings, err);
        String rendered = switch (format) {
            case "markdown" -> report.markdown();
            case "csv" -> report.csv();
            default -> report.text();
        };
        if (output.isPresent()) {
            try {
                Files.writeString(output.get(), rendered, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserInputException("funnelql bench: cannot write " + output.get() + ": " + e.getMessage());
            }
            err.println("bench: report written to " + output.get());
        } else {
            spec.commandLine().getOut().print(rendered);
        }
        if (csv.isPresent()) {
            try {
                Files.writeString(csv.get(), report.csv(), StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UserInputException("funnelql bench: cannot write " + csv.get() + ": " + e.getMessage());
            }
        }
        if (!report.allAgree()) {
            err.println("bench: !!! some variants DISAGREE with the reference; see the report");
            return ExitCode.INTERNAL_ERROR;
        }
        return ExitCode.OK;
    }
}
