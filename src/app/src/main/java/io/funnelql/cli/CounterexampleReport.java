package io.funnelql.cli;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.engine.Engine;
import io.funnelql.engine.Engines;
import io.funnelql.events.EventTable;
import io.funnelql.input.ParameterValues;
import io.funnelql.input.SpecificationFiles;
import io.funnelql.input.UserInputException;
import io.funnelql.lint.counterexample.Counterexample;
import io.funnelql.lint.counterexample.CounterexampleSearch;
import io.funnelql.lint.counterexample.HandWrittenQuery;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultTable;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code lint --against SPEC --query NAME}: runs the hand-written query (the last query of the
 * first file) and the spec's query on adversarial datasets, on embedded DuckDB and the reference
 * executor, and prints the smallest dataset on which they disagree.
 */
final class CounterexampleReport {
    static final long SEED = 1;
    static final int DATASETS = 400;

    private CounterexampleReport() {}

    /** True when a counterexample was found (the SQL does not implement the spec). */
    static boolean run(Path specification, Optional<String> queryName, SqlFile file, PrintWriter out, PrintWriter err) {
        Specification loaded = SpecificationFiles.load(specification);
        Query query = SpecificationFiles.query(loaded, queryName);
        Map<Name, Object> parameters = ParameterValues.resolve(loaded, Map.of());
        String sql = HandWrittenQuery.last(file).orElseThrow(() -> new UserInputException(
                "funnelql lint --against: " + file.name() + " has no query (SELECT, WITH, or the query of a view, "
                        + "CREATE TABLE AS or INSERT) to check against " + specification));
        Optional<Counterexample> found;
        try (Engine engine = Engines.open("duckdb")) {
            CounterexampleSearch search = new CounterexampleSearch(query, parameters, sql, engine);
            found = search.search(SEED, DATASETS, tried -> {
                if (tried % 100 == 0) {
                    err.println("funnelql lint --against: " + tried + " of " + DATASETS + " datasets tried");
                    err.flush();
                }
            });
        } catch (CounterexampleSearch.Incomparable e) {
            throw new UserInputException("funnelql lint --against: " + e.getMessage());
        }
        String subject = file.name() + " against query " + query.name().display() + " of " + specification;
        if (found.isEmpty()) {
            out.println("no counterexample: " + subject + " agreed on all " + DATASETS + " adversarial datasets "
                    + "(seed " + SEED + ", embedded DuckDB against the reference executor)");
            out.flush();
            return false;
        }
        Counterexample counterexample = found.get();
        out.println(file.name() + ":1:1: error: counterexample: " + subject + " disagree on these "
                + counterexample.events().rowCount() + " events (dataset " + counterexample.tried() + " of seed " + SEED
                + ", shrunk; the SQL ran on embedded DuckDB, the spec on the reference executor)");
        out.println("events:");
        out.print(indent(ResultFormatter.csv(events(counterexample.events()))));
        out.println("the spec's result:");
        out.print(indent(ResultFormatter.csv(counterexample.specified())));
        out.println("the hand-written SQL's result:");
        out.print(indent(ResultFormatter.csv(counterexample.handWritten())));
        out.flush();
        return true;
    }

    /** The events as a table in the source's column order, so they print as an events CSV file. */
    private static ResultTable events(EventTable events) {
        List<String> columns = events.source().columns().stream().map(Column::name).map(Name::value).toList();
        List<List<Object>> rows = events.rows().stream().map(Arrays::asList).toList();
        return new ResultTable(columns, rows);
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", "\n  ").stripTrailing() + "\n";
    }
}
