package io.funnelql.cli;

import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;
import io.funnelql.engine.Engine;
import io.funnelql.engine.Engines;
import io.funnelql.engine.PostgresEngine;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventTable;
import io.funnelql.input.SpecificationFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The examples run from every kind of input with the same results as from the CSV: gzip,
 * standard input, Parquet, a DuckDB database file and a PostgreSQL table (the last two also with
 * the SQL running in place). Fixtures are made here: Parquet and the DuckDB file by DuckDB from
 * the CSV's rows, the PostgreSQL table in the embedded server the tests start.
 */
class RunInputsTest {
    private static final Path SPEC = Path.of("../../examples/checkout.fql");
    private static final Path EVENTS = Path.of("../../examples/events.csv");
    private static final List<String> QUERIES = List.of("checkout", "visits", "weekly");

    private static CommandLineRun run(String query, String events, String... more) {
        List<String> arguments = new ArrayList<>(List.of("run", SPEC.toString(), "--query", query, "--events", events,
                "--format", "csv"));
        arguments.addAll(Arrays.asList(more));
        return CommandLineRun.of(arguments.toArray(String[]::new));
    }

    /** The same CSV output for every query as from examples/events.csv, and a non-trivial one. */
    private static void sameAsCsv(String events, String... more) {
        for (String query : QUERIES) {
            CommandLineRun expected = run(query, EVENTS.toString());
            CommandLineRun actual = run(query, events, more);
            assertThat(actual.exitCode()).as(query + ": " + actual.err()).isZero();
            assertThat(actual.out()).as(query + " from " + events).isEqualTo(expected.out());
            assertThat(actual.out().lines().count()).isGreaterThan(2);
        }
    }

    private static EventTable events() throws Exception {
        Specification specification = SpecificationFiles.load(SPEC);
        Query query = SpecificationFiles.query(specification, Optional.of("checkout"));
        return CsvEventReader.read(EVENTS, query.source());
    }

    @Test
    void gzip(@TempDir Path directory) throws Exception {
        Path gzip = directory.resolve("events.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            Files.copy(EVENTS, out);
        }
        sameAsCsv(gzip.toString());
    }

    @Test
    void standardInput() throws Exception {
        byte[] bytes = Files.readAllBytes(EVENTS);
        InputStream original = System.in;
        try {
            for (String query : QUERIES) {
                System.setIn(new ByteArrayInputStream(bytes));
                CommandLineRun piped = run(query, "-");
                assertThat(piped.exitCode()).as(piped.err()).isZero();
                assertThat(piped.out()).isEqualTo(run(query, EVENTS.toString()).out());
            }
        } finally {
            System.setIn(original);
        }
    }

    @Test
    void parquetAndADuckDbDatabaseFileWhereDuckDbRunsTheSqlInPlace(@TempDir Path directory) throws Exception {
        Path parquet = directory.resolve("events.parquet");
        Path database = directory.resolve("analytics.duckdb");
        try (Engine duckdb = Engines.open("duckdb")) {
            duckdb.load(events()); // the CSV's rows, typed as the source declares them, in app.events
            duckdb.execute("COPY \"app\".\"events\" TO '" + parquet + "' (FORMAT parquet)");
            duckdb.execute("ATTACH '" + database + "' AS live");
            duckdb.execute("CREATE SCHEMA live.app");
            duckdb.execute("CREATE TABLE live.app.events AS SELECT * FROM \"app\".\"events\"");
            duckdb.execute("CREATE TABLE live.main.copied AS SELECT * FROM \"app\".\"events\"");
            duckdb.execute("DETACH live");
        }
        sameAsCsv(parquet.toString());
        sameAsCsv(parquet.toString(), "--engine", "duckdb");
        sameAsCsv(database.toString());
        sameAsCsv(database.toString(), "--table", "copied");
        CommandLineRun inPlace = run("checkout", database.toString(), "--engine", "duckdb", "--table", "copied",
                "--sql-out", directory.resolve("sql").toString());
        assertThat(inPlace.exitCode()).as(inPlace.err()).isZero();
        assertThat(inPlace.out()).isEqualTo(run("checkout", EVENTS.toString()).out());
        assertThat(inPlace.err()).contains("the live table at " + database + " (table copied)");
        assertThat(Files.readString(directory.resolve("sql/checkout.duckdb.sql"))).contains("FROM \"copied\"")
                .doesNotContain("\"app\".\"events\"");
    }

    @Test
    void aPostgresTableWherePostgresRunsTheSqlInPlace(@TempDir Path directory) throws Exception {
        try (PostgresEngine postgres = (PostgresEngine) Engines.open("postgres")) {
            postgres.load(events()); // app.events on the embedded server
            String url = postgres.jdbcUrl();
            sameAsCsv(url);
            sameAsCsv(url, "--engine", "postgres", "--sql-out", directory.toString());
            sameAsCsv(url, "--engine", "duckdb", "--sql-out", directory.toString()); // read, then loaded into DuckDB
            CommandLineRun verify = CommandLineRun.of("verify", SPEC.toString(), "--events", url, "--engines", "postgres,duckdb");
            assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
            assertThat(verify.out()).contains("(the live table at jdbc:postgresql:").contains("all engines agree with the reference");
            CommandLineRun missing = run("checkout", url, "--table", "app.nowhere");
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err()).contains("relation \"app.nowhere\" does not exist");
        }
    }
}
