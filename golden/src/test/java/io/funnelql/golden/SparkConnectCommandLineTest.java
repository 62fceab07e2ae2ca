package io.funnelql.golden;

import io.funnelql.cli.FunnelQlCommand;
import io.funnelql.spark.LocalConnectServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line on a Spark Connect server in another process ({@link LocalConnectServer}), as a
 * user on a cluster runs it: the spark engine there by URL ({@code FUNNELQL_SPARK_REMOTE}, here its
 * system property), and the server's table as {@code --events sc://…}, read by the reference and
 * run on in place; the same answers as from the CSV file.
 */
class SparkConnectCommandLineTest {
    private static final Path SPEC = ExamplesAgreementTest.EXAMPLES.resolve("checkout.fql");
    private static final String CSV = ExamplesAgreementTest.EXAMPLES.resolve("events.csv").toString();
    private static String url;

    private record Ran(int exitCode, String out, String err) {}

    @BeforeAll
    static void loadTheExampleEventsOnTheServer() {
        url = LocalConnectServer.url();
        // The source is app.events: the run stores it as a table of the server's catalog.
        Ran loaded = onTheServer(() -> run("run", SPEC.toString(), "--query", "checkout", "--events", CSV, "--engine", "spark"));
        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        assertThat(loaded.err()).contains("on Spark SQL 4.").contains("(Spark Connect at " + url + ")");
        assertThat(loaded.out()).isEqualTo(run("run", SPEC.toString(), "--query", "checkout", "--events", CSV).out());
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
        Ran read = run("run", SPEC.toString(), "--query", "checkout", "--events", url, "--table", "app.events");
        assertThat(read.exitCode()).as(read.err()).isZero();
        assertThat(read.out()).isEqualTo(expected);
        Ran inPlace = run("run", SPEC.toString(), "--query", "checkout", "--events", url, "--table", "app.events",
                "--engine", "spark", "--sql-out", directory.toString());
        assertThat(inPlace.exitCode()).as(inPlace.err()).isZero();
        assertThat(inPlace.out()).isEqualTo(expected);
        assertThat(inPlace.err()).contains("(the live table at " + url + " (table app.events))");
        Ran verified = run("verify", SPEC.toString(), "--query", "checkout", "--events", url, "--table", "app.events",
                "--engines", "duckdb,spark");
        assertThat(verified.exitCode()).as(verified.out() + verified.err()).isZero();
        assertThat(verified.out()).contains("the live table at " + url).contains("all engines agree with the reference");
    }

    @Test
    void aMissingTableOrServerIsTheUsersInputToFix() {
        Ran missing = run("run", SPEC.toString(), "--query", "checkout", "--events", url, "--table", "app.nowhere");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("[TABLE_OR_VIEW_NOT_FOUND]").doesNotContain("internal error");
        for (String engine : List.of("reference", "spark")) {
            Ran closed = run("run", SPEC.toString(), "--query", "checkout", "--events", "sc://127.0.0.1:1", "--engine", engine);
            assertThat(closed.exitCode()).as(closed.err()).isEqualTo(2);
            assertThat(closed.err()).contains("cannot reach the Spark Connect server at 127.0.0.1:1");
        }
    }

    private static Ran onTheServer(Supplier<Ran> command) {
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
