package io.funnelql.cli;

import io.funnelql.dialects.TargetDialect;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql lint FILE.sql... [--dialect D] [--format text|json|sarif]}. */
@Command(name = "lint", description = "Find fan-out, missing tenant guards and window mistakes in hand-written SQL.")
final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.sql", description = "SQL files to lint.")
    List<Path> files;

    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "postgres", converter = DialectConverter.class,
            description = "SQL dialect of the files: postgres (default), duckdb or oracle.")
    TargetDialect dialect;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "Output: text (default), json or sarif.")
    String format;

    @Option(names = "--schema", paramLabel = "SCHEMA.fql", description = "Source declarations that name keys and tenants.")
    Optional<Path> schema;

    @Option(names = "--tenant-column", paramLabel = "NAME", description = "The tenant column, when no schema declares it.")
    Optional<String> tenantColumn;

    @Option(names = "--against", paramLabel = "SPEC.fql", description = "Prove findings against this spec's query.")
    Optional<Path> against;

    @Option(names = "--query", paramLabel = "NAME", description = "The query of --against.")
    Optional<String> query;

    @Override
    public Integer call() {
        return PlannedFeature.report(spec.commandLine().getErr(), "lint", "the SQL linter");
    }
}
