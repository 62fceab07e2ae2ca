package io.funnelql.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql run SPEC [--query NAME] --events FILE.csv [--engine E] [--param k=v] [--format F]}. */
@Command(name = "run", description = "Run a query over an events file and print the result.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Specification file (.fql).")
    Path specification;

    @Option(names = "--query", paramLabel = "NAME", description = "Query to run; needed when the file has several.")
    Optional<String> query;

    @Option(names = "--events", required = true, paramLabel = "FILE.csv", description = "Events file with a header row.")
    Path events;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "reference",
            description = "reference (default), duckdb, postgres or h2.")
    String engine;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value; repeatable.")
    Map<String, String> parameters;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default), csv or json.")
    String format;

    @Option(names = "--report", paramLabel = "OUT.html", description = "Also write a self-contained HTML report.")
    Optional<Path> report;

    @Override
    public Integer call() {
        SpecificationFiles.query(SpecificationFiles.load(specification), query);
        return PlannedFeature.report(spec.commandLine().getErr(), "run", "query execution");
    }
}
