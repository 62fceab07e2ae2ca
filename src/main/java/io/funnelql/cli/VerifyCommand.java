package io.funnelql.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql verify SPEC --events FILE.csv [--engines LIST]}: exit 0 only if every engine equals the reference. */
@Command(name = "verify", description = "Run every query on each engine and compare with the reference executor.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Specification file (.fql).")
    Path specification;

    @Option(names = "--events", required = true, paramLabel = "FILE.csv", description = "Events file with a header row.")
    Path events;

    @Option(names = "--engines", split = ",", paramLabel = "LIST",
            description = "Engines to check, comma-separated: duckdb, postgres, h2, oracle (H2's Oracle mode).")
    List<String> engines;

    @Option(names = "--query", paramLabel = "NAME", description = "Verify one query only.")
    Optional<String> query;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value; repeatable.")
    Map<String, String> parameters;

    @Override
    public Integer call() {
        SpecificationFiles.load(specification);
        return PlannedFeature.report(spec.commandLine().getErr(), "verify", "verification on SQL engines");
    }
}
