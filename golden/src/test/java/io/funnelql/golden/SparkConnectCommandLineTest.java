package io.funnelql.golden;

import io.funnelql.cli.FunnelQlCommand;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;
import io.funnelql.engine.Engine;
import io.funnelql.engine.Engines;
import io.funnelql.events.CsvEventReader;
import io.funnelql.input.SpecificationFiles;
import io.funnelql.spark.LocalConnectServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on a Spark Connect server in another process ({@link LocalConnectServer}), as a
 * user on a cluster runs it: the spark engine there by URL ({@code FUNNELQL_SPARK_REMOTE}, here its
 * system property), and a table of the server's catalog ({@code live.events}, made once from the
 * example events) as {@code --events sc://…}, read by the reference and run on in place; the same
 * answers as from the CSV file. A table of the server is never overwritten by a load.
 */
class SparkConnectCommandLineTest {
    private static final Path SPEC = ExamplesAgreementTest.EXAMPLES.resolve("checkout.fql");
    private static final String CSV = ExamplesAgreementTest.EXAMPLES.resolve("events.csv").toString();
    private static String url;

    private record Ran(int exitCode, String out, String err) {}

    /** The example events as a table of the server's catalog, as a cluster's events table is: made with SQL, not by a load. */
    @BeforeAll
    static void putTheExampleEventsInTheServersCatalog() throws Exception {
        url = LocalConnectServer.url();
        Source source = SpecificationFiles.load(SPEC).sources().get(0);
        Source upload = new Source(source.name(), new TableName(List.of(Name.unquoted("events_upload"))), source.key(),
                source.time(), source.tenant(), source.eventId(), source.eventName(), source.columns());
        try (Engine spark = onTheServer(() -> Engines.open("spark"))) {
            spark.load(CsvEventReader.read(Path.of(CSV), upload));
            spark.execute("CREATE DATABASE IF NOT EXISTS live");
            spark.execute("DROP TABLE IF EXISTS live.events");
            spark.execute("CREATE TABLE live.events USING parquet AS SELECT * FROM events_upload");
        }
    }

    /** The example's source is app.events: the engine creates that table on the server for the run, and drops it after. */
    @Test
    void runOnTheServerAgreesWithTheFile() {
        Ran ran = onTheServer(() -> run("run", SPEC.toString(), "--query", "checkout", "--events", CSV, "--engine", "spark"));
        assertThat(ran.exitCode()).as(ran.err()).isZero();
        assertThat(ran.err()).contains("on Spark SQL 4.").contains("(Spark Connect at " + url + ")");
        assertThat(ran.out()).isEqualTo(run("run", SPEC.toString(), "--query", "checkout", "--events", CSV).out());
        Ran gone = run("run", SPEC.toString(), "--query", "checkout", "--events", url, "--table", "app.events");
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).contains("[TABLE_OR_VIEW_NOT_FOUND]");
    }

    /** Loading the example (source app.events) where the server has that table already is refused: live.events stands for it. */
    @Test
    void aTableOfTheServerIsNeverOverwritten() throws Exception {
        Path spec = Files.createTempFile("funnelql-live-", ".fql");
        try {
            Files.writeString(spec, Files.readString(SPEC).replace("from table app.events", "from table live.events"));
            Ran refused = onTheServer(() -> run("run", spec.toString(), "--query", "checkout", "--events", CSV, "--engine", "spark"));
            assertThat(refused.exitCode()).isEqualTo(2);
            assertThat(refused.err()).contains("is a table of the Spark Connect server at " + url)
                    .contains("FunnelQL does not overwrite a cluster's table");
            Ran still = run("run", SPEC.toString(), "--query", "checkout", "--events", url, "--table", "live.events");
            assertThat(still.out()).isEqualTo(run("run", SPEC.toString(), "--query", "checkout", "--events", CSV).out());
        } finally {
            Files.deleteIfExists(spec);
        }
    }

    @Test
    void verifyOnTheServerAgreesWithTheReference() {
        Ran verified = onTheServer(() -> run("verify", SPEC.toString(), "--events", CSV, "--engines", "spark"));
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("(Spark Connect at " + url + ")").contains("all engines agree with the reference");
    }

    @Test
    void theServersTableGivesTheSameAnswersAsTheFile(@TempDir Path directory) {
        String expected = run("run", SPEC.toString(), "--query", "checkout", "--events", CSV).out();
        Ran read = run("run", SPEC.toString(), "--query", "checkout", "--events", url, "--table", "live.events");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).isEqualTo(expected);
        Ran inPlace = run("run", SPEC.toString(), "--query", "checkout", "--events", url, "--table", "live.events",
                "--engine", "spark", "--sql-out", directory.toString());
        assertThat(inPlace.exitCode()).as(inPlace.err()).isZero();
        assertThat(inPlace.out()).isEqualTo(expected);
        assertThat(inPlace.err()).contains("(the live table at " + url + " (table live.events))");
        Ran verified = run("verify", SPEC.toString(), "--query", "checkout", "--events", url, "--table", "live.events",
                "--engines", "duckdb,spark");
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("the live table at " + url).contains("all engines agree with the reference");
    }

    @Test
    void aMissingTableOrServerIsTheUsersInputToFix() {
        Ran missing = run("run", SPEC.toString(), "--query", "checkout", "--events", url, "--table", "live.nowhere");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("[TABLE_OR_VIEW_NOT_FOUND]").doesNotContain("internal error");
        for (String engine : List.of("reference", "spark")) {
            Ran closed = run("run", SPEC.toString(), "--query", "checkout", "--events", "sc://127.0.0.1:1", "--engine", engine);
            assertThat(closed.exitCode()).as(closed.err()).isEqualTo(2);
            assertThat(closed.err()).contains("cannot reach the Spark Connect server at 127.0.0.1:1");
        }
    }

    private static <T> T onTheServer(Supplier<T> command) {
        System.setProperty("funnelql.spark.remote", url);
        try {
            return command.get();
        } finally {
            System.clearProperty("funnelql.spark.remote");
        }
    }

    private static Ran run(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FunnelQlCommand.execute(arguments, new PrintWriter(out), new PrintWriter(err));
        return new Ran(code, out.toString(), err.toString());
    }
}
