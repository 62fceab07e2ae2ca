package io.funnelql.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command-line contract that checks outside the project rely on: these commands and flags
 * may be extended, never renamed or dropped.
 */
class CommandContractTest {
    private static final CommandLine COMMAND_LINE = new CommandLine(new FunnelQlCommand());

    private static CommandLine.Model.CommandSpec command(String name) {
        return COMMAND_LINE.getSubcommands().get(name).getCommandSpec();
    }

    @Test
    void reservedSubcommandsExist() {
        assertThat(COMMAND_LINE.getSubcommands().keySet())
                .contains("check", "compile", "run", "verify", "lint", "bench", "explain");
    }

    @Test
    void flagsOfTheContractExist() {
        assertThat(command("compile").optionsMap().keySet()).contains("--query", "--dialect", "--as");
        assertThat(command("run").optionsMap().keySet()).contains("--query", "--events", "--engine", "--param", "--format");
        assertThat(command("verify").optionsMap().keySet()).contains("--events", "--engines");
        assertThat(command("lint").optionsMap().keySet()).contains("--dialect", "--format", "--schema", "--tenant-column",
                "--against", "--query");
        assertThat(command("bench").optionsMap().keySet()).contains("--events", "--users", "--seed", "--format");
        assertThat(command("explain").optionsMap().keySet()).contains("--query", "--dialect");
    }

    @Test
    void helpListsEveryCommandAndVersionIsPrinted() {
        CommandLineRun help = CommandLineRun.of("--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("check", "compile", "run", "verify", "lint", "bench", "explain");
        CommandLineRun version = CommandLineRun.of("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("funnelql 0.");
    }

    @Test
    void usageErrorsExitWithTwo() {
        CommandLineRun missingDialect = CommandLineRun.of("compile", "../../examples/checkout.fql");
        assertThat(missingDialect.exitCode()).isEqualTo(2);
        assertThat(missingDialect.err()).contains("Missing required option: '--dialect=DIALECT'");
        CommandLineRun badDialect = CommandLineRun.of("compile", "../../examples/checkout.fql", "--dialect", "sqlserver");
        assertThat(badDialect.exitCode()).isEqualTo(2);
        assertThat(badDialect.err()).contains("expected one of postgres, duckdb, oracle, h2, spark but was 'sqlserver'");
        CommandLineRun badForm = CommandLineRun.of("compile", "../../examples/checkout.fql", "--dialect", "h2", "--as", "table");
        assertThat(badForm.exitCode()).isEqualTo(2);
        assertThat(badForm.err()).contains("expected one of query, view, materialized-view, incremental but was 'table'");
    }

    @Test
    void anUnknownQueryIsNamedWithTheChoices() {
        CommandLineRun run = CommandLineRun.of("compile", "../../examples/checkout.fql", "--dialect", "duckdb", "--query", "chekout");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("funnelql: ../../examples/checkout.fql has no query named 'chekout'; it has: "
                + "checkout, visits, weekly; did you mean 'checkout'?\n");
    }
}
