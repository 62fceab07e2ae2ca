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
import io.funnelql.dsl.model.TableName;
import io.funnelql.engine.Engine;
import io.funnelql.engine.Engines;
import io.funnelql.events.EventTable;
import io.funnelql.input.EventInput;
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
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code funnelql run SPEC [--query NAME] --events EVENTS [--table T] [--engine E] [--param k=v]
 * [--format F] [--report OUT.html] [--sql-out DIR]}.
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run a query over events (a CSV, gzip or Parquet file, standard input or a live table) and "
                + "print the result.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Specification file (.fql).")
    Path specification;

    @Option(names = "--query", paramLabel = "NAME", description = "Query to run; needed when the file has several.")
    Optional<String> query;

    @Option(names = "--events", required = true, paramLabel = "EVENTS",
            description = "The events: a CSV file (gzip-compressed or not), a Parquet file, - for standard input, "
                    + "a DuckDB database file, a JDBC URL (jdbc:postgresql://HOST/DB?user=U) or a Spark Connect URL "
                    + "(sc://HOST:15002); see docs/inputs.md.")
    String events;

    @Option(names = "--table", paramLabel = "TABLE",
            description = "The table to read in a DuckDB file, at a JDBC URL or on a Spark Connect server (default: the "
                    + "table the source declares).")
    Optional<String> table;

    @Option(names = "--engine", paramLabel = "ENGINE", defaultValue = "reference",
            description = "reference (default), duckdb, postgres, h2, oracle-h2 (H2 in Oracle mode) or spark (a local "
                    + "Spark session, or the Spark Connect server FUNNELQL_SPARK_REMOTE names; docs/engines.md). On a live "
                    + "table of DuckDB, PostgreSQL or Spark, that engine runs the SQL in place.")
    String engine;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value; repeatable.")
    Map<String, String> parameters;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = OutputFormat.Converter.class,
            description = "table (default), csv or json.")
    OutputFormat format;

    @Option(names = "--report", paramLabel = "OUT.html", description = "Also write a self-contained HTML report.")
    Optional<Path> report;

    @Option(names = "--sql-out", paramLabel = "DIR", defaultValue = "funnelql-out",
            description = "Folder for the SQL that ran on an engine (default funnelql-out).")
    Path sqlOut;

    @Option(names = "--presorted", description = "The events file is ordered by the query's key (tenant first): "
            + "stream it key by key instead of loading it (reference engine).")
    boolean presorted;

    @Override
    public Integer call() {
        String engineName = EngineNames.forRun(engine);
        SourceFile file = SpecificationFiles.read(specification);
        Specification loaded = SpecificationFiles.load(file);
        Query selected = SpecificationFiles.query(loaded, query);
        Map<Name, Object> values = ParameterValues.resolve(loaded, parameters);
        EventInput input = EventInput.of(events, table);
        Instant ranAt = Instant.now();
        Progress progress = Progress.onStderr(spec.commandLine().getErr(), "run");
        Ran ran = engineName.equals("reference") ? runOnReference(input, selected, values, progress)
                : runOnEngine(engineName, input, selected, values, progress);
        spec.commandLine().getOut().print(format.render(ran.result()));
        spec.commandLine().getOut().flush();
        if (report.isPresent()) {
            ReportRun run = new ReportRun(selected, specification, file.text(), input.label(),
                    ran.events().count(), ran.events().last(), values, ran.engineLabel(), ran.sql().get(), ranAt, ran.result());
            progress.step("writing " + report.get(), () -> ReportFiles.write(report.get(), run));
            spec.commandLine().getErr().println("funnelql run: report written to " + report.get());
        }
        return ExitCode.OK;
    }

    /** What a run gives the output and the report (the report's SQL made only when a report is written). */
    private record Ran(ResultTable result, EventsRead events, String engineLabel, Supplier<ReportSql> sql) {}

    private Ran runOnReference(EventInput input, Query selected, Map<Name, Object> values, Progress progress) {
        ResultTable result;
        EventsRead read;
        try {
            QueryExecutor executor = ReferenceExecutor.executor(selected);
            if (presorted) {
                EventsRead[] seen = {EventsRead.NONE};
                progress.step("streaming " + input.label() + " through " + selected.name().display() + " key by key",
                        () -> input.streamByKey(selected, batch -> {
                            seen[0] = seen[0].plus(EventsRead.of(batch));
                            executor.accumulate(new QueryRows(selected, batch, values));
                        }));
                read = seen[0];
            } else {
                EventTable table = progress.step("loading " + input.label(), () -> input.read(selected.source()));
                read = EventsRead.of(table);
                progress.step("running " + selected.name().display(),
                        () -> executor.accumulate(new QueryRows(selected, table, values)));
            }
            result = executor.finish();
        } catch (EvaluationException e) {
            throw new UserInputException("funnelql: " + e.getMessage());
        }
        return new Ran(result, read, "the reference executor (in memory, no database)", () -> equivalentSql(selected));
    }

    /**
     * Compiles for the engine's dialect and runs the SQL: in place on a live table of that engine's
     * database, else on the events loaded into the engine; says where the SQL is.
     */
    private Ran runOnEngine(String engineName, EventInput input, Query selected, Map<Name, Object> values, Progress progress) {
        if (presorted) {
            throw new UserInputException("funnelql: --presorted streams events through the reference engine; "
                    + "drop it or use --engine reference");
        }
        boolean inPlace = input.engine().equals(Optional.of(engineName));
        EventTable table = inPlace ? null : progress.step("loading " + input.label(), () -> input.read(selected.source()));
        try (Engine opened = progress.step(inPlace ? "connecting to " + input.label() : "starting " + engineName,
                () -> inPlace ? Engines.openOn(input) : Engines.open(engineName))) {
            EngineRun.Outcome outcome = progress.step("running " + selected.name().display() + " on " + opened.label(),
                    () -> inPlace ? EngineRun.inPlace(opened, selected, input.table(selected.source()), values)
                            : EngineRun.run(opened, selected, table, values));
            Path sql = SqlFiles.write(sqlOut, outcome.compiled());
            spec.commandLine().getErr().println("funnelql run: " + selected.name().display() + " on " + opened.label()
                    + "; the SQL that ran is in " + sql);
            EventsRead read = !inPlace ? EventsRead.of(table)
                    : report.isPresent() ? liveTableRead(opened, input.table(selected.source()), selected) : EventsRead.NONE;
            return new Ran(outcome.result(), read, opened.label(),
                    () -> new ReportSql("The SQL that ran on " + opened.label() + " (also in " + sql + ").",
                            SqlText.withHeader(outcome.compiled())));
        }
    }

    /** The live table's row count and latest event, for the report: one aggregate on the table itself. */
    private static EventsRead liveTableRead(Engine opened, TableName table, Query selected) {
        TargetDialect dialect = opened.dialect();
        String relation = table.parts().stream().map(part -> dialect.quotedIdentifier(part.value(), part.quoted()))
                .collect(Collectors.joining("."));
        Name time = selected.source().time().name();
        ResultTable counted = opened.query("SELECT COUNT(*) AS " + dialect.quotedIdentifier("n", true) + ", MAX("
                + dialect.quotedIdentifier(time.value(), time.quoted()) + ") AS " + dialect.quotedIdentifier("last", true)
                + " FROM " + relation);
        List<Object> row = counted.rows().get(0);
        return new EventsRead(((Number) row.get(0)).intValue(), Optional.ofNullable(row.get(1) instanceof LocalDateTime last
                ? last : null));
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
