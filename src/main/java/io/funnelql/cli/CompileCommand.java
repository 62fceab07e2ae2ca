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

/** {@code funnelql compile SPEC [--query NAME] --dialect D [--as FORM]}: SQL on stdout. */
@Command(name = "compile", description = "Compile a query to SQL for a dialect (printed on stdout).")
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Specification file (.fql).")
    Path specification;

    @Option(names = "--query", paramLabel = "NAME", description = "Query to compile; needed when the file has several.")
    Optional<String> query;

    @Option(names = "--dialect", required = true, paramLabel = "DIALECT", converter = DialectConverter.class,
            description = "Target: postgres, duckdb, oracle or h2.")
    TargetDialect dialect;

    @Option(names = "--as", paramLabel = "FORM", defaultValue = "query", converter = OutputForm.Converter.class,
            description = "What to emit: query (default), view, materialized-view or incremental.")
    OutputForm form;

    @Override
    public Integer call() {
        SpecificationFiles.query(SpecificationFiles.load(specification), query);
        return PlannedFeature.report(spec.commandLine().getErr(), "compile", "SQL generation for " + dialect.keyword());
    }
}
