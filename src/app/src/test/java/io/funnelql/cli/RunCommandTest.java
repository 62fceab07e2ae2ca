package io.funnelql.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {
    private static final String SPEC = """
            source events from table app.events (key user_id, time occurred_at, columns (event_name varchar));
            param since timestamp;
            funnel f from events where occurred_at >= :since within 1 hour from first step
              steps (view: event_name = 'page_view', cart: event_name = 'add_to_cart');
            """;
    private static final String EVENTS = """
            user_id,occurred_at,event_name
            u1,2024-01-01 10:00:00,page_view
            u1,2024-01-01 10:20:00,add_to_cart
            u2,2024-01-02 10:00:00,page_view
            """;

    private static Path write(Path directory, String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void printsCsvWithAHeaderAndJsonAndATable(@TempDir Path directory) throws IOException {
        Path spec = write(directory, "f.fql", SPEC);
        Path events = write(directory, "events.csv", EVENTS);
        String[] base = {"run", spec.toString(), "--events", events.toString(), "--param", "since=2024-01-01 00:00:00"};
        CommandLineRun csv = CommandLineRun.of(concat(base, "--format", "csv"));
        assertThat(csv.exitCode()).isZero();
        assertThat(csv.out()).isEqualTo("""
                step,name,count,conversion_from_previous,conversion_from_first
                1,view,2,,
                2,cart,1,50.0,50.0
                """);
        CommandLineRun json = CommandLineRun.of(concat(base, "--format", "json"));
        assertThat(json.out()).isEqualTo("""
                [
                  {"step": 1, "name": "view", "count": 2, "conversion_from_previous": null, "conversion_from_first": null},
                  {"step": 2, "name": "cart", "count": 1, "conversion_from_previous": 50.0, "conversion_from_first": 50.0}
                ]
                """);
        CommandLineRun table = CommandLineRun.of(base);
        assertThat(table.out()).isEqualTo("""
                step  name  count  conversion_from_previous  conversion_from_first
                ----  ----  -----  ------------------------  ---------------------
                   1  view      2                      NULL                   NULL
                   2  cart      1                      50.0                   50.0
                (2 rows)
                """);
    }

    @Test
    void parametersChangeTheResult(@TempDir Path directory) throws IOException {
        Path spec = write(directory, "f.fql", SPEC);
        Path events = write(directory, "events.csv", EVENTS);
        CommandLineRun run = CommandLineRun.of("run", spec.toString(), "--events", events.toString(),
                "--param", "since=2024-01-02", "--format", "csv");
        assertThat(run.out()).contains("1,view,1,,");
    }

    @Test
    void aMissingOrBadParameterIsInvalidInput(@TempDir Path directory) throws IOException {
        Path spec = write(directory, "f.fql", SPEC);
        Path events = write(directory, "events.csv", EVENTS);
        CommandLineRun missing = CommandLineRun.of("run", spec.toString(), "--events", events.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("funnelql: parameter :since has no value and no default; pass --param since=VALUE\n");
        CommandLineRun bad = CommandLineRun.of("run", spec.toString(), "--events", events.toString(), "--param", "since=soon");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).isEqualTo("funnelql: --param since=soon: not a timestamp (yyyy-mm-dd hh:mm:ss[.ffffff], "
                + "optionally with T and an offset Z or ±hh:mm)\n");
        CommandLineRun precise = CommandLineRun.of("run", spec.toString(), "--events", events.toString(), "--param",
                "since=2024-01-01 00:00:00.0000001");
        assertThat(precise.exitCode()).isEqualTo(2);
        assertThat(precise.err()).isEqualTo("funnelql: --param since=2024-01-01 00:00:00.0000001: has more than 6 "
                + "fractional digits: FunnelQL keeps microseconds, as the engines do (round or cut the value where it is written)\n");
        CommandLineRun unknown = CommandLineRun.of("run", spec.toString(), "--events", events.toString(), "--param", "x=1");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("declares no parameter x");
        CommandLineRun typo = CommandLineRun.of("run", spec.toString(), "--events", events.toString(), "--param", "snce=1");
        assertThat(typo.err()).endsWith("declares no parameter snce; did you mean 'since'?\n");
    }

    @Test
    void aBadEventsFileIsInvalidInputWithItsLine(@TempDir Path directory) throws IOException {
        Path spec = write(directory, "f.fql", SPEC);
        Path events = write(directory, "events.csv", "user_id,occurred_at,event_name\nu1,not a time,page_view\n");
        CommandLineRun run = CommandLineRun.of("run", spec.toString(), "--events", events.toString(), "--param", "since=2024-01-01");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("funnelql: " + events + ":2:4: column occurred_at: 'not a time' is not a timestamp "
                + "(yyyy-mm-dd hh:mm:ss[.ffffff], optionally with T and an offset Z or ±hh:mm)\n");
    }

    @Test
    void everyExampleQueryRunsOnTheSample() {
        String[][] queries = {
                {"checkout.fql", "checkout"}, {"checkout.fql", "visits"}, {"checkout.fql", "weekly"},
                {"streaming.fql", "impression_to_play"}, {"streaming.fql", "impression_attempts"},
                {"retention.fql", "daily_ny"}, {"retention.fql", "rolling_days"}, {"retention.fql", "signup_then_buy"}};
        for (String[] query : queries) {
            CommandLineRun run = CommandLineRun.of("run", "../../examples/" + query[0], "--query", query[1],
                    "--events", "../../examples/events.csv", "--format", "csv");
            assertThat(run.exitCode()).as(query[1] + ": " + run.err()).isZero();
            assertThat(run.out().lines().count()).as(query[1]).isGreaterThan(1);
        }
    }

    @Test
    void aPresortedFileStreamedKeyByKeyGivesTheSameResults(@TempDir Path directory) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("../../examples/events.csv"));
        List<String> rows = new ArrayList<>(lines.subList(1, lines.size()));
        // account_id, user_id, then time: the key order of examples/checkout.fql and retention.fql
        rows.sort(Comparator.comparing((String line) -> line.split(",", -1)[0])
                .thenComparing(line -> line.split(",", -1)[1])
                .thenComparing(line -> line.split(",", -1)[2]));
        rows.add(0, lines.get(0));
        Path sorted = directory.resolve("sorted.csv");
        Files.write(sorted, rows);
        String[][] queries = {{"checkout.fql", "checkout"}, {"checkout.fql", "visits"}, {"checkout.fql", "weekly"},
                {"retention.fql", "daily_ny"}, {"retention.fql", "rolling_days"}, {"retention.fql", "signup_then_buy"}};
        for (String[] query : queries) {
            CommandLineRun loaded = CommandLineRun.of("run", "../../examples/" + query[0], "--query", query[1],
                    "--events", "../../examples/events.csv", "--format", "csv");
            CommandLineRun streamed = CommandLineRun.of("run", "../../examples/" + query[0], "--query", query[1],
                    "--events", sorted.toString(), "--presorted", "--format", "csv");
            assertThat(streamed.exitCode()).as(streamed.err()).isZero();
            assertThat(streamed.out()).as(query[1]).isEqualTo(loaded.out());
        }
    }

    @Test
    void aPresortedFileOutOfOrderIsRefused(@TempDir Path directory) throws IOException {
        Path spec = write(directory, "f.fql", SPEC);
        Path events = write(directory, "events.csv", EVENTS + "u1,2024-01-03 10:00:00,page_view\n");
        CommandLineRun run = CommandLineRun.of("run", spec.toString(), "--events", events.toString(), "--presorted",
                "--param", "since=2024-01-01");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("funnelql: " + events + ":5: rows are not ordered by [user_id]: [u1] comes after [u2] "
                + "(sort the file by key and time, or run without --presorted)\n");
    }

    @Test
    void anEngineRunGivesTheReferenceTableAndSaysWhereTheSqlIs() throws Exception {
        String[] base = {"run", "../../examples/checkout.fql", "--query", "checkout", "--events", "../../examples/events.csv"};
        CommandLineRun reference = CommandLineRun.of(base);
        CommandLineRun duckdb = CommandLineRun.of(concat(base, "--engine", "duckdb"));
        assertThat(duckdb.exitCode()).as(duckdb.err()).isZero();
        assertThat(duckdb.out()).isEqualTo(reference.out());
        assertThat(duckdb.err()).contains("on DuckDB").contains("funnelql-out/checkout.duckdb.sql");
        assertThat(Files.readString(Path.of("funnelql-out", "checkout.duckdb.sql")))
                .startsWith("-- FunnelQL: funnel checkout for DuckDB\n-- bind 1: :period_start (timestamp)\nWITH ");
    }

    @Test
    void anUnknownEngineListsTheValidOnes() {
        CommandLineRun run = CommandLineRun.of("run", "../../examples/checkout.fql", "--query", "checkout",
                "--events", "../../examples/events.csv", "--engine", "sqlite");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("funnelql run: unknown engine 'sqlite'; valid engines: reference, duckdb, postgres, h2, "
                + "oracle-h2, spark (oracle-h2 is H2 in Oracle mode, not a real Oracle)\n");
    }

    @Test
    void aReportIsWrittenBesideACleanCsvOnStdout(@TempDir Path directory) throws IOException {
        Path page = directory.resolve("reports/checkout.html");
        String[] base = {"run", "../../examples/checkout.fql", "--query", "checkout", "--events", "../../examples/events.csv", "--format", "csv"};
        CommandLineRun plain = CommandLineRun.of(base);
        CommandLineRun reported = CommandLineRun.of(concat(base, "--report", page.toString()));
        assertThat(reported.exitCode()).as(reported.err()).isZero();
        // stdout is the CSV and nothing else: progress and the report's path go to stderr
        assertThat(reported.out()).isEqualTo(plain.out()).startsWith("platform,step,name,count,");
        assertThat(reported.err()).endsWith("funnelql run: report written to " + page + "\n");
        String html = Files.readString(page);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1>funnel checkout <span class=\"form\">report steps</span></h1>")
                .contains("the reference executor (in memory, no database)", "The equivalent SQL for DuckDB",
                        "-- FunnelQL: funnel checkout for DuckDB", "events.csv (3251 rows)", "breakdown by platform");
    }

    @Test
    void aReportOfAnEngineRunShowsTheSqlThatRanAndTheEngine(@TempDir Path directory) throws IOException {
        Path page = directory.resolve("weekly.html");
        CommandLineRun run = CommandLineRun.of("run", "../../examples/checkout.fql", "--query", "weekly", "--events",
                "../../examples/events.csv", "--engine", "oracle", "--format", "json", "--report", page.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("[\n  {\"cohort\": \"2024-10-28\"").endsWith("]\n");
        assertThat(Files.readString(page)).contains("H2 in Oracle mode (not a real Oracle)", "The SQL that ran on H2 in Oracle mode",
                "for Oracle (tested on H2&#39;s Oracle mode, not on a real Oracle)", "class=\"heatmap\"");
    }

    private static String[] concat(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
