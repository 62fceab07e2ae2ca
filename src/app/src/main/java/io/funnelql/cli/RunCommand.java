package io.funnelql.cli;

import io.funnelql.compiler.CompilationException;
import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.SqlCompiler;
import io.funnelql.compiler.render.SqlText;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.engine.Engine;
import io.funnelql.engine.Engines;
import io.funnelql.events.EventTable;
import io.funnelql.input.EventFiles;
import io.funnelql.input.ParameterValues;
import io.funnelql.input.SpecificationFiles;
import io.funnelql.input.UserInputException;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.reference.evaluation.EvaluationException;
import io.funnelql.report.ReportRun;
import io.funnelql.report.ReportSql;
import io.funnelql.result.ResultTable;
import io.funnelql.verify.EngineRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql run SPEC [--query NAME] --events FILE.csv [--engine E] [--param k=v] [--format F] [--report OUT.html]}. */
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
            description = "reference (default), duckdb, postgres, h2 or oracle-h2 (H2 in Oracle mode).")
    String engine;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value; repeatable.")
    Map<String, String> parameters;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (default), csv or json.")
    OutputFormat format;

    @Option(names = "--report", paramLabel = "OUT.html", description = "Also write a self-contained HTML report.")
    Optional<Path> report;

    @Option(names = "--presorted", description = "The events file is ordered by the query's key (tenant first): "
            + "stream it key by key instead of loading it (reference engine).")
    boolean presorted;

    @Override
    public Integer call() {
        SourceFile file = SpecificationFiles.read(specification);
        Specification loaded = SpecificationFiles.load(file);
        Query selected = SpecificationFiles.query(loaded, query);
        Map<Name, Object> values = ParameterValues.resolve(loaded, parameters);
        Instant ranAt = Instant.now();
        Progress progress = Progress.onStderr(spec.commandLine().getErr(), "run");
        Ran ran = engine.equals("reference") ? runOnReference(selected, values, progress) : runOnEngine(selected, values, progress);
        spec.commandLine().getOut().print(format.render(ran.result()));
        spec.commandLine().getOut().flush();
        if (report.isPresent()) {
            ReportRun run = new ReportRun(selected, specification, file.text(), events,
                    ran.events().count(), ran.events().last(), values, ran.engineLabel(), ran.sql(), ranAt, ran.result());
            progress.step("writing " + report.get(), () -> ReportFiles.write(report.get(), run));
            spec.commandLine().getErr().println("funnelql run: report written to " + report.get());
        }
        return ExitCode.OK;
    }

    /** What a run gives the output and the report. */
    private record Ran(ResultTable result, EventsRead events, String engineLabel, ReportSql sql) {}

    private Ran runOnReference(Query selected, Map<Name, Object> values, Progress progress) {
        ResultTable result;
        EventsRead read;
        try {
            QueryExecutor executor = ReferenceExecutor.executor(selected);
            if (presorted) {
                EventsRead[] seen = {EventsRead.NONE};
                progress.step("streaming " + events + " through " + selected.name().display() + " key by key",
                        () -> EventFiles.streamByKey(events, selected, batch -> {
                            seen[0] = seen[0].plus(EventsRead.of(batch));
                            executor.accumulate(new QueryRows(selected, batch, values));
                        }));
                read = seen[0];
            } else {
                EventTable table = progress.step("loading " + events, () -> EventFiles.read(events, selected.source()));
                read = EventsRead.of(table);
                progress.step("running " + selected.name().display(),
                        () -> executor.accumulate(new QueryRows(selected, table, values)));
            }
            result = executor.finish();
        } catch (EvaluationException e) {
            throw new UserInputException("funnelql: " + e.getMessage());
        }
        return new Ran(result, read, "the reference executor (in memory, no database)", equivalentSql(selected));
    }

    /** Compiles for the engine's dialect, loads the events into it, runs the SQL and says where the SQL is. */
    private Ran runOnEngine(Query selected, Map<Name, Object> values, Progress progress) {
        String engineName = EngineNames.canonical(engine);
        if (presorted) {
            throw new UserInputException("funnelql: --presorted streams events through the reference engine; "
                    + "drop it or use --engine reference");
        }
        EventTable table = progress.step("loading " + events, () -> EventFiles.read(events, selected.source()));
        try (Engine opened = progress.step("starting " + engineName, () -> Engines.open(engineName))) {
            EngineRun.Outcome outcome = progress.step("running " + selected.name().display() + " on " + opened.label(),
                    () -> EngineRun.run(opened, selected, table, values));
            Path sql = SqlFiles.write(outcome.compiled());
            spec.commandLine().getErr().println("funnelql run: " + selected.name().display() + " on " + opened.label()
                    + "; the SQL that ran is in " + sql);
            return new Ran(outcome.result(), EventsRead.of(table), opened.label(),
                    new ReportSql("The SQL that ran on " + opened.label() + " (also in " + sql + ").",
                            SqlText.withHeader(outcome.compiled())));
        }
    }

    /**
     * The reference executor runs no SQL; the page shows what the compiler makes of the query for
     * DuckDB, labelled as equivalent, so a reader still sees the SQL a warehouse would run.
     */
    private static ReportSql equivalentSql(Query selected) {
        try {
            CompiledQuery compiled = SqlCompiler.compile(selected, TargetDialect.DUCKDB, Map.of());
            return new ReportSql("No SQL ran: the reference executor computed this result in memory. "
                    + "The equivalent SQL for DuckDB (run it with --engine duckdb):", SqlText.withHeader(compiled));
        } catch (CompilationException e) {
            return new ReportSql("No SQL ran: the reference executor computed this result in memory. "
                    + "The query does not compile for DuckDB:", e.getMessage());
        }
    }
}
