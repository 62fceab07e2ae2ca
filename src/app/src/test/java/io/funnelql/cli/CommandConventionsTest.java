package io.funnelql.cli;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Help on every command, exit 2 for every user error, and a suggestion for every unknown name. */
class CommandConventionsTest {
    private static final List<String> COMMANDS = List.of("check", "compile", "run", "verify", "lint", "bench", "explain");
    private static final String SPEC = "../../examples/checkout.fql";
    private static final String EVENTS = "../../examples/events.csv";

    @Test
    void everyCommandTakesHelpAndH() {
        for (String command : COMMANDS) {
            for (String help : List.of("--help", "-h")) {
                CommandLineRun run = CommandLineRun.of(command, help);
                assertThat(run.exitCode()).as(command + " " + help + ": " + run.err()).isZero();
                assertThat(run.out()).as(command + " " + help).startsWith("Usage: funnelql " + command);
                assertThat(run.err()).isEmpty();
            }
        }
    }

    @Test
    void noArgumentsPrintsTheUsageOnStderrAndExitsTwo() {
        CommandLineRun run = CommandLineRun.of();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err()).startsWith("Usage: funnelql ").contains("compile", "run", "verify");
    }

    @Test
    void anUnknownCommandSuggestsTheClosest() {
        CommandLineRun run = CommandLineRun.of("rn", SPEC);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("Unmatched arguments from index 0: 'rn'").contains("\ndid you mean 'funnelql run'?\n")
                .endsWith("Try 'funnelql --help' for more information.\n");
    }

    @Test
    void anUnknownOptionSuggestsTheClosestEvenWhenARequiredOneIsMissing() {
        CommandLineRun run = CommandLineRun.of("run", SPEC, "--query", "checkout", "--evnts", EVENTS);
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown option '--evnts'; did you mean '--events'?")
                .contains("Usage: funnelql run ").endsWith("Try 'funnelql run --help' for more information.\n");
        CommandLineRun compile = CommandLineRun.of("compile", SPEC, "--dialect", "duckdb", "--qury", "checkout");
        assertThat(compile.exitCode()).isEqualTo(2);
        assertThat(compile.err()).contains("unknown option '--qury'; did you mean '--query'?");
    }

    @Test
    void unknownValuesSuggestTheClosest() {
        assertUserError(CommandLineRun.of("run", SPEC, "--query", "checkout", "--events", EVENTS, "--format", "tabel"),
                "expected one of table, csv, json but was 'tabel'; did you mean 'table'?");
        assertUserError(CommandLineRun.of("run", SPEC, "--query", "checkout", "--events", EVENTS, "--engine", "duckbd"),
                "unknown engine 'duckbd'; valid engines: reference, duckdb, postgres, h2, oracle-h2, spark (oracle-h2 is H2 in "
                        + "Oracle mode, not a real Oracle); did you mean 'duckdb'?");
        assertUserError(CommandLineRun.of("compile", SPEC, "--dialect", "postgress"),
                "expected one of postgres, duckdb, oracle, h2, spark but was 'postgress'; did you mean 'postgres'?");
        assertUserError(CommandLineRun.of("compile", SPEC, "--dialect", "duckdb", "--as", "veiw"),
                "but was 'veiw'; did you mean 'view'?");
        assertUserError(CommandLineRun.of("explain", SPEC, "--query", "vists"), "did you mean 'visits'?");
        assertUserError(CommandLineRun.of("verify", SPEC, "--events", EVENTS, "--engines", "duckdb,postgre"),
                "did you mean 'postgres'?");
        assertUserError(CommandLineRun.of("lint", "../../examples/lint/impression_funnel_fanout.sql", "--format", "sarf"),
                "--format expected one of text, json, sarif but was 'sarf'; did you mean 'sarif'?");
        assertUserError(CommandLineRun.of("bench", "--format", "markdwn"),
                "--format expected one of text, markdown, csv but was 'markdwn'; did you mean 'markdown'?");
        assertUserError(CommandLineRun.of("run", SPEC, "--query", "checkout", "--events", "../../examples/event.csv"),
                "../../examples/event.csv: no such file; did you mean ../../examples/events.csv?");
    }

    @Test
    void userErrorsExitTwo() {
        assertUserError(CommandLineRun.of("run", SPEC, "--query", "checkout", "--events", "../../examples"),
                "is a directory");
        assertUserError(CommandLineRun.of("run", SPEC, "--query", "checkout", "--events", EVENTS, "--table", "events"),
                "--table names a table of a database");
        assertUserError(CommandLineRun.of("run", SPEC, "--query", "checkout", "--events", "jdbc:duckdb:", "--table",
                "x; drop table y"), "is not a table name");
        assertUserError(CommandLineRun.of("check", "../../examples/nothing.fql"), "no such file");
    }

    private static void assertUserError(CommandLineRun run, String message) {
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message);
        assertThat(run.out()).isEmpty();
    }
}
