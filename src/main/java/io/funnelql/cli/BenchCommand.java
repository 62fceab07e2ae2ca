package io.funnelql.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql bench [--events N --users U --seed S] [--format text|markdown]}. */
@Command(name = "bench", description = "Time the reference executor, the generated SQL and naive baselines on synthetic events.")
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", defaultValue = "1000000", description = "Number of events (default 1000000).")
    long events;

    @Option(names = "--users", paramLabel = "U", defaultValue = "20000", description = "Number of users (default 20000).")
    int users;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "42", description = "Generator seed (default 42).")
    long seed;

    @Option(names = "--spec", paramLabel = "SPEC", description = "Specification to time; default: a 3-step funnel, 1 hour window.")
    Optional<Path> specification;

    @Option(names = "--query", paramLabel = "NAME", description = "Query of --spec to time.")
    Optional<String> query;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Output: text (default) or markdown.")
    String format;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Budget per query (default 120 s).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        return PlannedFeature.report(spec.commandLine().getErr(), "bench", "benchmarking");
    }
}
