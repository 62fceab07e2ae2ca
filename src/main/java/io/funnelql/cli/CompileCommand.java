package io.funnelql.cli;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.compiler.render.Statements;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
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

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Inline a parameter as an escaped literal instead of a bind placeholder; repeatable.")
    Map<String, String> parameters;

    @Override
    public Integer call() {
        Specification loaded = SpecificationFiles.load(specification);
        Query selected = SpecificationFiles.query(loaded, query);
        if (form == OutputForm.MATERIALIZED_VIEW || form == OutputForm.INCREMENTAL) {
            return PlannedFeature.report(spec.commandLine().getErr(), "compile", "--as " + form.keyword());
        }
        Map<Name, Object> inlined = form == OutputForm.VIEW
                // A view has no placeholders: every parameter takes its --param value or its default.
                ? ParameterValues.resolve(loaded, parameters)
                : ParameterValues.given(loaded, parameters);
        CompiledQuery compiled = SqlCompiler.compile(selected, dialect, inlined);
        if (form == OutputForm.VIEW && !compiled.bindParameters().isEmpty()) {
            throw new IllegalStateException("a view was compiled with bind placeholders");
        }
        spec.commandLine().getOut().print(form == OutputForm.VIEW
                ? SqlText.header(compiled) + Statements.view(compiled) + ";\n"
                : SqlText.withHeader(compiled));
        return ExitCode.OK;
    }
}
