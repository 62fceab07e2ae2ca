package io.funnelql.cli;

import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.reference.QueryExecutor;
import io.funnelql.reference.QueryRows;
import io.funnelql.engine.Engine;
import io.funnelql.engine.Engines;
import io.funnelql.events.EventTable;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.verify.EngineRun;
import io.funnelql.reference.evaluation.EvaluationException;
import io.funnelql.reference.result.ResultTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql run SPEC [--query NAME] --events FILE.csv [--engine E] [--param k=v] [--format F]}. */
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
        Specification loaded = SpecificationFiles.load(specification);
        Query selected = SpecificationFiles.query(loaded, query);
        Map<Name, Object> values = ParameterValues.resolve(loaded, parameters);
        if (report.isPresent()) {
            return PlannedFeature.report(spec.commandLine().getErr(), "run", "--report");
        }
        if (!engine.equals("reference")) {
            return runOnEngine(selected, values);
        }
        ResultTable result;
        try {
            QueryExecutor executor = ReferenceExecutor.executor(selected);
            if (presorted) {
                EventFiles.streamByKey(events, selected, batch -> executor.accumulate(new QueryRows(selected, batch, values)));
            } else {
                executor.accumulate(new QueryRows(selected, EventFiles.read(events, selected.source()), values));
            }
            result = executor.finish();
        } catch (EvaluationException e) {
            throw new UserInputException("funnelql: " + e.getMessage());
        }
        spec.commandLine().getOut().print(format.render(result));
        return ExitCode.OK;
    }

    /** Compiles for the engine's dialect, loads the events into it, runs the SQL and says where the SQL is. */
    private int runOnEngine(Query selected, Map<Name, Object> values) {
        String engineName = EngineNames.canonical(engine);
        if (presorted) {
            throw new UserInputException("funnelql: --presorted streams events through the reference engine; "
                    + "drop it or use --engine reference");
        }
        EventTable table = EventFiles.read(events, selected.source());
        try (Engine opened = Engines.open(engineName)) {
            EngineRun.Outcome outcome = EngineRun.run(opened, selected, table, values);
            Path sql = SqlFiles.write(outcome.compiled());
            spec.commandLine().getErr().println("funnelql run: " + selected.name().display() + " on " + opened.label()
                    + "; the SQL that ran is in " + sql);
            spec.commandLine().getOut().print(format.render(outcome.result()));
        }
        return ExitCode.OK;
    }
}
