package io.funnelql.cli;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Source;
import io.funnelql.input.SpecificationFiles;
import io.funnelql.input.UserInputException;
import io.funnelql.lint.LintSettings;
import io.funnelql.lint.Linter;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.report.LintReport;
import io.funnelql.lint.report.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql lint FILE.sql... [--dialect D] [--format text|json|sarif]}. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Find fan-out, missing tenant guards and window mistakes in hand-written SQL.")
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
        PrintWriter err = spec.commandLine().getErr();
        format = Choices.check("lint", "--format", format, List.of("text", "json", "sarif"));
        if (query.isPresent() && against.isEmpty()) {
            throw new UserInputException("funnelql lint: --query names a query of --against SPEC.fql; give --against too");
        }
        List<Source> sources = schema.map(path -> SpecificationFiles.load(path).sources()).orElse(List.of());
        List<SqlFile> sqlFiles = new ArrayList<>();
        for (Path file : files) {
            try {
                sqlFiles.add(SqlFile.of(file.toString(), Files.readString(file)));
            } catch (IOException e) {
                throw new UserInputException(SpecificationFiles.unreadable(file, e));
            }
        }
        LintReport report = new Linter(new LintSettings(dialect, sources, tenantColumn)).lint(sqlFiles);
        PrintWriter out = spec.commandLine().getOut();
        out.print(ReportWriter.render(report, format, VersionProvider.version()));
        out.flush();
        if (against.isPresent()) {
            // Machine-readable reports stay valid documents: the proof goes to stderr there.
            PrintWriter proofOut = format.equals("text") ? out : err;
            boolean disproved = CounterexampleReport.run(against.get(), query, sqlFiles.get(0), proofOut, err);
            if (disproved) {
                return ExitCode.INTERNAL_ERROR; // as an error-level finding does
            }
        }
        return report.exitCode();
    }
}
