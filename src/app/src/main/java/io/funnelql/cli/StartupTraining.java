package io.funnelql.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's training run for its class-data-sharing archive (docs/performance.md,
 * "Command-line start-up"): one JVM runs the commands whose start-up matters — a compile for each
 * dialect (Calcite's SQL conversion loads different rules per dialect), a reference run with its
 * report, a lint and a check over the bundled examples — so that the archive written at its exit
 * holds the classes of each. Output is discarded; exits 1 if a command failed, and the launcher
 * then keeps no archive.
 */
public final class StartupTraining {
    private StartupTraining() {}

    public static void main(String[] arguments) throws Exception {
        Path root = Path.of(arguments[0]);
        String checkout = root.resolve("examples/checkout.fql").toString();
        Path report = Files.createTempFile("funnelql-training", ".html");
        List<String[]> commands = new ArrayList<>();
        for (String dialect : List.of("postgres", "duckdb", "oracle", "h2")) {
            commands.add(new String[] {"compile", checkout, "--query", "checkout", "--dialect", dialect});
        }
        commands.add(new String[] {"run", checkout, "--query", "checkout", "--events",
                root.resolve("examples/events.csv").toString(), "--report", report.toString()});
        commands.add(new String[] {"lint", root.resolve("examples/lint").toString(), "--format", "json"});
        commands.add(new String[] {"lint", root.resolve("examples/lint").toString()});
        commands.add(new String[] {"check", checkout});
        int failed = 0;
        try (PrintWriter discard = new PrintWriter(Writer.nullWriter())) {
            for (String[] command : commands) {
                // lint exits 1 on an error-level finding, which its examples have on purpose.
                int code = FunnelQlCommand.execute(command, discard, discard);
                failed += code == ExitCode.OK || (command[0].equals("lint") && code == ExitCode.INTERNAL_ERROR) ? 0 : 1;
            }
        } finally {
            Files.deleteIfExists(report);
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
