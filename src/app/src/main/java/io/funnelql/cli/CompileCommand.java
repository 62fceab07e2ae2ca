package io.funnelql.cli;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.compiler.incremental.IncrementalScript;
import io.funnelql.compiler.incremental.IncrementalSessions;
import io.funnelql.compiler.render.SqlText;
import io.funnelql.compiler.render.Statements;
import io.funnelql.dialects.MaterializedViews;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.input.ParameterValues;
import io.funnelql.input.SpecificationFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql compile SPEC [--query NAME] --dialect D [--as FORM] [--param k=v]}: SQL on stdout. */
@Command(name = "compile", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Compile a query to SQL for a dialect (printed on stdout).")
final class CompileCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Specification file (.fql).")
    Path specification;

    @Option(names = "--query", paramLabel = "NAME", description = "Query to compile; needed when the file has several.")
    Optional<String> query;

    @Option(names = "--dialect", required = true, paramLabel = "DIALECT", converter = DialectConverter.class,
            description = "Target: postgres, duckdb, oracle, h2 or spark.")
    TargetDialect dialect;

    @Option(names = "--as", paramLabel = "FORM", defaultValue = "query", converter = OutputForm.Converter.class,
            description = "What to emit: query (default), view, materialized-view or incremental.")
    OutputForm form;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Inline a parameter as an escaped literal instead of a bind placeholder; repeatable.")
    Map<String, String> parameters;

    @Override
    public Integer call() {
        Specification loaded = SpecificationFiles.load(specification);
        Query selected = SpecificationFiles.query(loaded, query);
        if (form == OutputForm.INCREMENTAL) {
            IncrementalScript script = IncrementalSessions.compile(selected, dialect, ParameterValues.given(loaded, parameters));
            spec.commandLine().getOut().print(SqlText.incremental(script));
            return ExitCode.OK;
        }
        boolean stored = form == OutputForm.VIEW || form == OutputForm.MATERIALIZED_VIEW;
        Map<Name, Object> inlined = stored
                // A view has no placeholders: every parameter takes its --param value or its default.
                ? ParameterValues.resolve(loaded, parameters)
                : ParameterValues.given(loaded, parameters);
        CompiledQuery compiled = SqlCompiler.compile(selected, dialect, inlined);
        if (stored && !compiled.bindParameters().isEmpty()) {
            throw new IllegalStateException("a view was compiled with bind placeholders");
        }
        String text = switch (form) {
            case VIEW -> SqlText.header(compiled) + Statements.view(compiled) + ";\n";
            case MATERIALIZED_VIEW -> SqlText.header(compiled) + materialization(Statements.materializedView(compiled));
            default -> SqlText.withHeader(compiled);
        };
        spec.commandLine().getOut().print(text);
        return ExitCode.OK;
    }

    /** Runs as a script: creates and fills; the periodic refresh is shown as a comment. */
    private static String materialization(MaterializedViews.Materialization materialization) {
        StringBuilder text = new StringBuilder();
        materialization.create().forEach(statement -> text.append(statement).append(";\n"));
        if (!materialization.firstRefresh().isEmpty()) {
            text.append("-- Fill it once:\n");
            materialization.firstRefresh().forEach(statement -> text.append(statement).append(";\n"));
        }
        text.append("-- Refresh it (e.g. every hour):\n");
        materialization.refresh().forEach(statement -> text.append("-- ").append(statement.replace("\n", "\n-- ")).append(";\n"));
        return text.toString();
    }
}
