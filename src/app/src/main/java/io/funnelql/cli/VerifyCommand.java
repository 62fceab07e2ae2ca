package io.funnelql.cli;

import io.funnelql.compiler.CompilationException;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.engine.Engine;
import io.funnelql.engine.Engines;
import io.funnelql.events.EventTable;
import io.funnelql.input.EventInput;
import io.funnelql.input.ParameterValues;
import io.funnelql.input.SpecificationFiles;
import io.funnelql.reference.ReferenceExecutor;
import io.funnelql.result.ResultTable;
import io.funnelql.verify.EngineRun;
import io.funnelql.verify.ResultDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code funnelql verify SPEC --events EVENTS [--table T] [--engines LIST]}: exit 0 only if every engine equals the reference. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Run every query on each engine and compare with the reference executor.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC", description = "Specification file (.fql).")
    Path specification;

    @Option(names = "--events", required = true, paramLabel = "EVENTS",
            description = "The events: a CSV file (gzip-compressed or not), a Parquet file, - for standard input, "
                    + "a DuckDB database file, a JDBC URL or a Spark Connect URL (sc://HOST:15002); see docs/inputs.md.")
    String events;

    @Option(names = "--table", paramLabel = "TABLE",
            description = "The table to read in a DuckDB file, at a JDBC URL or on a Spark Connect server (default: the "
                    + "table the source declares).")
    Optional<String> table;

    @Option(names = "--engines", split = ",", paramLabel = "LIST",
            description = "Engines to check, comma-separated (default duckdb, postgres, h2, oracle-h2): those and spark "
                    + "(a local Spark session, or the Spark Connect server FUNNELQL_SPARK_REMOTE names; docs/engines.md). oracle-h2 is H2 in Oracle mode; \"oracle\" is accepted for it.")
    List<String> engines;

    @Option(names = "--query", paramLabel = "NAME", description = "Verify one query only.")
    Optional<String> query;

    @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter value; repeatable.")
    Map<String, String> parameters;

    @Override
    public Integer call() {
        Specification loaded = SpecificationFiles.load(specification);
        List<Query> queries = query.isPresent() ? List.of(SpecificationFiles.query(loaded, query)) : loaded.queries();
        Map<Name, Object> values = ParameterValues.resolve(loaded, parameters);
        List<String> names = (engines == null || engines.isEmpty() ? EngineNames.SQL_ENGINES : engines).stream()
                .map(EngineNames::canonical).distinct().toList();
        EventInput input = EventInput.of(events, table);
        PrintWriter out = spec.commandLine().getOut();
        Progress progress = Progress.onStderr(spec.commandLine().getErr(), "verify");
        Map<String, Engine> opened = new LinkedHashMap<>();
        List<List<Object>> table = new ArrayList<>();
        List<String> details = new ArrayList<>();
        boolean allAgree = true;
        try {
            for (Query selected : queries) {
                EventTable events = progress.step("loading " + input.label(), () -> input.read(selected.source()));
                ResultTable expected = ReferenceExecutor.execute(selected, events, values);
                table.add(ResultTable.row(selected.name().value(), "reference", (long) expected.rows().size(), "-"));
                for (String name : names) {
                    // On a live table of this engine's database, the SQL runs there, in place.
                    boolean inPlace = input.engine().equals(Optional.of(name));
                    Engine engine = opened.computeIfAbsent(name, engineName -> progress.step(
                            inPlace ? "connecting to " + input.label() : "starting " + engineName,
                            () -> inPlace ? Engines.openOn(input) : Engines.open(engineName)));
                    String verdict;
                    Long rows = null;
                    try {
                        EngineRun.Outcome outcome = progress.step("running " + selected.name().value() + " on " + engine.label(),
                                () -> inPlace ? EngineRun.inPlace(engine, selected, input.table(selected.source()), values)
                                        : EngineRun.run(engine, selected, events, values));
                        rows = (long) outcome.result().rows().size();
                        // Oracle holds '' as NULL: its rows answer for the table it holds (docs/dialects.md).
                        EventTable held = engine.held(events);
                        ResultTable reference = held == events ? expected : ReferenceExecutor.execute(selected, held, values);
                        List<String> diff = ResultDiff.between(reference, outcome.result(), 10);
                        verdict = diff.isEmpty() ? "agrees" : "DIFFERS";
                        if (!diff.isEmpty()) {
                            details.add(selected.name().value() + " on " + engine.label()
                                    + " (- reference only, + engine only):\n  " + String.join("\n  ", diff));
                        }
                    } catch (CompilationException refusal) {
                        verdict = "NOT COMPILED";
                        details.add(selected.name().value() + " on " + engine.label() + ": " + refusal.getMessage());
                    }
                    allAgree &= verdict.equals("agrees");
                    table.add(ResultTable.row(selected.name().value(), engine.label(), rows, verdict));
                }
            }
        } finally {
            opened.values().forEach(Engine::close);
        }
        out.print(OutputFormat.TABLE.render(new ResultTable(List.of("query", "engine", "rows", "result"), table)));
        details.forEach(detail -> out.println("\n" + detail));
        out.println(allAgree ? "\nall engines agree with the reference" : "\nnot every engine agrees with the reference");
        return allAgree ? ExitCode.OK : ExitCode.INTERNAL_ERROR;
    }
}
