package io.funnelql.cli;

import io.funnelql.dialects.TargetDialect;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql explain SPEC [--query NAME] [--dialect D]}: plan, fan-out proof per join, SQL. */
@Command(name = "explain", description = "Print a query's relational plan, the fan-out proof of each join, and its SQL.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Specification file (.fql).")
    Path specification;

    @Option(names = "--query", paramLabel = "NAME", description = "Query to explain; needed when the file has several.")
    Optional<String> query;

    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "postgres", converter = DialectConverter.class,
            description = "Dialect of the SQL shown: postgres (default), duckdb, oracle or h2.")
    TargetDialect dialect;

    @Override
    public Integer call() {
        SpecificationFiles.query(SpecificationFiles.load(specification), query);
        return PlannedFeature.report(spec.commandLine().getErr(), "explain", "the plan and fan-out proof");
    }
}
