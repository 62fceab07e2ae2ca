package io.funnelql.cli;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Source;
import io.funnelql.input.SpecificationFiles;
import io.funnelql.input.UserInputException;
import io.funnelql.lint.LintConfig;
import io.funnelql.lint.LintSettings;
import io.funnelql.lint.Linter;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.report.LintReport;
import io.funnelql.lint.report.ReportWriter;
import io.funnelql.lint.rules.Rule;
import io.funnelql.lint.rules.Rules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * {@code funnelql lint FILE.sql|DIR... [--dialect D] [--format text|json|sarif] [--config FILE]}. A
 * folder is walked for its .sql files (dbt's target/compiled/ included; hidden folders skipped). The
 * settings of each file come from the command line, else from the configuration file
 * ({@link LintConfig}: {@code .funnelql-lint} from the current directory upwards, or {@code --config}).
 */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Find fan-out, missing tenant guards and window mistakes in hand-written SQL.")
final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE.sql", description = "SQL files, or folders to walk for .sql files.")
    List<Path> files;

    @Option(names = "--dialect", paramLabel = "DIALECT", converter = DialectConverter.class,
            description = "SQL dialect of the files: postgres (default), duckdb or oracle.")
    Optional<TargetDialect> dialect;

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration file (default: " + LintConfig.FILE_NAME + " in the current directory or above).")
    Optional<Path> config;

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
        LintConfig settings;
        try {
            settings = config.map(LintConfig::read).orElseGet(() -> LintConfig.find(Path.of("")));
        } catch (IllegalArgumentException e) {
            throw new UserInputException("funnelql lint: " + e.getMessage());
        }
        Map<Path, List<Source>> schemas = new HashMap<>();
        List<SqlFile> sqlFiles = new ArrayList<>();
        List<LintReport> reports = new ArrayList<>();
        for (Path file : sqlFiles(files)) {
            SqlFile sqlFile;
            try {
                sqlFile = SqlFile.of(file.toString(), Files.readString(file));
            } catch (IOException e) {
                throw new UserInputException(SpecificationFiles.unreadable(file, e));
            }
            sqlFiles.add(sqlFile);
            LintConfig.Effective effective;
            try {
                effective = settings.settingsFor(file);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("funnelql lint: " + e.getMessage());
            }
            Optional<Path> schemaFile = schema.or(effective::schema);
            List<Source> sources = schemaFile.map(path -> schemas.computeIfAbsent(path,
                    p -> SpecificationFiles.load(p).sources())).orElse(List.of());
            LintSettings lintSettings = new LintSettings(dialect.or(effective::dialect).orElse(TargetDialect.POSTGRES),
                    sources, tenantColumn.or(effective::tenantColumn));
            List<Rule> rules = Rules.all().stream().filter(rule -> effective.runs(rule.info().code())).toList();
            reports.add(new Linter(lintSettings, rules).lint(List.of(sqlFile)));
        }
        LintReport report = LintReport.merge(Rules.all().stream().map(Rule::info).toList(), reports);
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

    /** The files named, and the .sql files under each folder named, in a stable order. */
    private static List<Path> sqlFiles(List<Path> paths) {
        List<Path> found = new ArrayList<>();
        for (Path path : paths) {
            if (!Files.isDirectory(path)) {
                found.add(path);
                continue;
            }
            List<Path> inFolder = new ArrayList<>();
            try {
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                        String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                        boolean skipped = !dir.equals(path) && (name.startsWith(".") || name.equals("node_modules"));
                        return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
                            inFolder.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                throw new UserInputException(SpecificationFiles.unreadable(path, e));
            }
            if (inFolder.isEmpty()) {
                throw new UserInputException("funnelql lint: " + path + " holds no .sql file");
            }
            inFolder.sort(Comparator.comparing(Path::toString));
            found.addAll(inFolder);
        }
        return found;
    }
}
