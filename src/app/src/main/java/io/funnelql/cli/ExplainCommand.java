package io.funnelql.cli;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.compiler.plan.Stage;
import io.funnelql.compiler.proof.JoinVerdict;
import io.funnelql.compiler.render.SqlText;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Query;
import io.funnelql.input.SpecificationFiles;
import org.apache.calcite.plan.RelOptUtil;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql explain SPEC [--query NAME] [--dialect D]}: plan, fan-out proof per join, SQL. */
@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Print a query's relational plan, the fan-out proof of each join, and its SQL.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Specification file (.fql).")
    Path specification;

    @Option(names = "--query", paramLabel = "NAME", description = "Query to explain; needed when the file has several.")
    Optional<String> query;

    @Option(names = "--dialect", paramLabel = "DIALECT", defaultValue = "postgres", converter = DialectConverter.class,
            description = "Dialect of the SQL shown: postgres (default), duckdb, oracle, h2 or spark.")
    TargetDialect dialect;

    @Override
    public Integer call() {
        Query selected = SpecificationFiles.query(SpecificationFiles.load(specification), query);
        CompiledQuery compiled = SqlCompiler.compile(selected, dialect, Map.of());
        PrintWriter out = spec.commandLine().getOut();
        out.println("Query " + selected.name().display() + " (" + selected.kind() + ") for " + dialect.productName());
        if (compiled.strategy() != null) {
            out.println("Strategy: " + compiled.strategy().name() + ", because " + compiled.strategy().reason());
        }
        out.println();
        out.println("Plan: " + compiled.stages().size() + " stages, then the output");
        int number = 1;
        for (Stage stage : compiled.stages()) {
            out.println(number++ + ". " + stage.name() + ": " + stage.purpose());
            if (stage.recursive()) {
                out.println("   anchor:");
                out.print(indent(RelOptUtil.toString(stage.plan())));
                out.println("   recursive step (UNION ALL, repeated until it adds no rows):");
                out.print(indent(RelOptUtil.toString(stage.recursiveStep())));
            } else {
                out.print(indent(RelOptUtil.toString(stage.plan())));
            }
            for (Stage.DeclaredKey key : stage.declaredKeys()) {
                out.println("   unique on (" + String.join(", ", key.columns()) + "): " + key.reason());
            }
        }
        out.println("output:");
        out.print(indent(RelOptUtil.toString(compiled.output())));
        out.println();
        List<JoinVerdict> verdicts = compiled.proof().verdicts();
        out.println("Fan-out proof: " + verdicts.size() + (verdicts.size() == 1 ? " join, " : " joins, ")
                + (compiled.proof().safe() ? "none can multiply rows" : "SOME MAY MULTIPLY ROWS"));
        for (JoinVerdict verdict : verdicts) {
            out.println("  " + (verdict.safe() ? "safe: " : "UNSAFE: ") + verdict.stage() + ": " + verdict.join());
            out.println("        because " + verdict.reason());
        }
        out.println();
        out.println("SQL");
        out.print(SqlText.withHeader(compiled));
        return ExitCode.OK;
    }

    private static String indent(String text) {
        return text.lines().map(line -> "     " + line).reduce("", (a, b) -> a + b + "\n");
    }
}
