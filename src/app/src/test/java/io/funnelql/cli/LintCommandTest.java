package io.funnelql.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LintCommandTest {
    private static final String FAN_OUT = """
            SELECT i.campaign_id, COUNT(*) AS plays
            FROM impressions i
            JOIN plays p ON p.user_id = i.user_id
            GROUP BY i.campaign_id;
            """;

    private static Path write(Path directory, String name, String text) throws IOException {
        Path file = directory.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void textFindingsNameFileLineColumnSeverityCodeAndExcerpt(@TempDir Path directory) throws IOException {
        Path file = write(directory, "fan.sql", FAN_OUT);
        CommandLineRun run = CommandLineRun.of("lint", file.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith(file + ":3:17: error: FQL001 fan-out-aggregate: COUNT counts the rows of "
                + "the join of impressions i and plays p on i.user_id = p.user_id")
                .contains("\n    JOIN plays p ON p.user_id = i.user_id\n"
                        + "                    ^~~~~~~~~~~~~~~~~~~~~\n")
                .endsWith("1 file: 1 error, 0 warnings, 0 notes\n");
    }

    @Test
    void cleanSqlExitsZero(@TempDir Path directory) throws IOException {
        Path file = write(directory, "ok.sql", "SELECT campaign_id, COUNT(*) FROM impressions GROUP BY campaign_id;\n");
        CommandLineRun run = CommandLineRun.of("lint", file.toString(), "--dialect", "duckdb");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("1 file: 0 errors, 0 warnings, 0 notes\n");
    }

    @Test
    void anUnparsableStatementExitsTwoAndTheRestIsStillLinted(@TempDir Path directory) throws IOException {
        Path file = write(directory, "mixed.sql", "SELECT FROM WHERE;\n" + FAN_OUT);
        CommandLineRun run = CommandLineRun.of("lint", file.toString(), "--format", "json");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("\"code\": \"FQL000\"", "\"line\": 1", "\"code\": \"FQL001\"", "\"line\": 4",
                "\"excerpt\": \"JOIN plays p ON p.user_id = i.user_id\"", "\"exitCode\": 2");
    }

    @Test
    void sarifNamesEveryRuleAndLocatesEachResult(@TempDir Path directory) throws IOException {
        Path file = write(directory, "fan.sql", FAN_OUT);
        CommandLineRun run = CommandLineRun.of("lint", file.toString(), "--format", "sarif", "--tenant-column", "account_id");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("\"version\": \"2.1.0\"", "\"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\"",
                "\"id\": \"FQL001\"", "\"id\": \"FQL002\"", "\"id\": \"FQL003\"",
                "\"ruleId\": \"FQL001\"", "\"ruleId\": \"FQL003\"", "\"level\": \"error\"",
                "\"uri\": \"" + file.toString().replace('\\', '/') + "\"", "\"startLine\": 3", "\"startColumn\": 17");
    }

    private static final String AGAINST = "../../examples/lint/against/";

    @Test
    void againstFindsTheSmallestDatasetOnWhichTheFanOutFunnelIsWrong() {
        CommandLineRun run = CommandLineRun.of("lint", AGAINST + "impression_funnel_fanout.sql",
                "--against", AGAINST + "impression_funnel.fql", "--query", "impression_to_play");
        assertThat(run.exitCode()).isEqualTo(1);
        String out = run.out();
        assertThat(out).contains(AGAINST + "impression_funnel_fanout.sql:1:1: error: counterexample: ",
                "the spec's result:\n  impression,detail,play\n  1,",
                "the hand-written SQL's result:\n  impression,detail,play\n  2,");
        // Shrunk: one impression and the two detail views that each join it.
        String events = out.substring(out.indexOf("events:\n"), out.indexOf("the spec's result:"));
        assertThat(events.lines().filter(line -> line.matches(".*,u[0-9],.*")).count()).isEqualTo(3);
        assertThat(events.lines().filter(line -> line.contains("impression,")).count()).isEqualTo(1);
        assertThat(run.err()).isEmpty(); // found before the first progress line (every 100 datasets)
    }

    @Test
    void againstFindsNoCounterexampleForTheCorrectedTwin() {
        CommandLineRun run = CommandLineRun.of("lint", AGAINST + "impression_funnel_fixed.sql",
                "--against", AGAINST + "impression_funnel.fql");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("no counterexample: " + AGAINST + "impression_funnel_fixed.sql against query "
                + "impression_to_play", "agreed on all 400 adversarial datasets");
    }

    @Test
    void againstExplainsColumnsTheSpecDoesNotReturnAndSqlThatDoesNotRun(@TempDir Path directory) throws IOException {
        Path columns = write(directory, "columns.sql", "SELECT COUNT(*) AS impressions FROM events;\n");
        CommandLineRun run = CommandLineRun.of("lint", columns.toString(), "--against", AGAINST + "impression_funnel.fql");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("returns columns [impressions], which the spec's query impression_to_play does "
                + "not: return some of [step, name, count, conversion_from_previous, conversion_from_first, or, one per "
                + "step: impression, detail, play]");
        Path broken = write(directory, "broken.sql", "SELECT COUNT(*) AS impression FROM no_such_table;\n");
        CommandLineRun failing = CommandLineRun.of("lint", broken.toString(), "--against", AGAINST + "impression_funnel.fql");
        assertThat(failing.exitCode()).isEqualTo(2);
        assertThat(failing.err()).contains("the hand-written SQL does not run on").contains("no_such_table")
                .doesNotContain("\tat ");
    }

    @Test
    void aBadFormatIsAUsageError(@TempDir Path directory) throws IOException {
        Path file = write(directory, "fan.sql", FAN_OUT);
        CommandLineRun format = CommandLineRun.of("lint", file.toString(), "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("expected one of text, json, sarif but was 'xml'");
        CommandLineRun missing = CommandLineRun.of("lint", directory.resolve("none.sql").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).endsWith("none.sql: no such file\n");
    }

    @Test
    void aFolderIsWalkedAndTheConfigurationFileSetsEachPath(@TempDir Path directory) throws IOException {
        Path models = Files.createDirectories(directory.resolve("target/compiled/analytics/models"));
        write(models, "fan.sql", FAN_OUT);
        Path oracle = Files.createDirectories(directory.resolve("oracle"));
        write(oracle, "ratio.sql", "SELECT SUM(a) / SUM(b) FROM t;\n");
        Files.createDirectories(directory.resolve(".git"));
        write(directory.resolve(".git"), "ignored.sql", "SELECT FROM WHERE;");
        Path config = write(directory, ".funnelql-lint", """
                [lint]
                exclude_rules = FQL001
                [lint:oracle/**]
                dialect = oracle
                """);
        CommandLineRun run = CommandLineRun.of("lint", directory.toString(), "--config", config.toString());
        assertThat(run.out()).doesNotContain("FQL001").doesNotContain("ignored.sql")
                .contains("ratio.sql:1:17: warning: FQL009 unsafe-ratio")
                .contains("a zero count fails the whole query") // Oracle, not DuckDB's NULL
                .endsWith("2 files: 0 errors, 1 warning, 0 notes\n");
        assertThat(run.exitCode()).isZero();
        // The command line wins over the file.
        CommandLineRun duckdb = CommandLineRun.of("lint", directory.toString(), "--config", config.toString(),
                "--dialect", "duckdb");
        assertThat(duckdb.out()).contains("DuckDB returns NULL");
    }
}
