package io.funnelql.cli;

import io.funnelql.compiler.CompilationException;
import io.funnelql.engine.EngineException;
import io.funnelql.input.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;

/**
 * {@code funnelql}: the command line. Exit codes: 0 success, 1 internal error, 2 invalid input
 * (a spec, an events file or the command line itself). No stack trace reaches a user unless
 * FUNNELQL_DEBUG is set.
 */
@Command(
        name = "funnelql",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Funnel, session and retention queries: check specs, compile them to fan-out-safe SQL, "
                + "run and verify them against a reference executor.",
        subcommands = {
                CheckCommand.class,
                CompileCommand.class,
                RunCommand.class,
                VerifyCommand.class,
                LintCommand.class,
                BenchCommand.class,
                ExplainCommand.class,
                CommandLine.HelpCommand.class
        })
public final class FunnelQlCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] arguments) {
        System.exit(execute(arguments, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line with the given output streams; returns the exit code. */
    public static int execute(String[] arguments, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new FunnelQlCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            if (exception instanceof UserInputException input) {
                err.println(input.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            if (exception instanceof CompilationException refusal) {
                err.println("funnelql " + parseResult.subcommand().commandSpec().name() + ": cannot compile: "
                        + refusal.getMessage());
                return ExitCode.INTERNAL_ERROR;
            }
            if (exception instanceof EngineException failure) {
                err.println("funnelql " + parseResult.subcommand().commandSpec().name() + ": " + failure.getMessage());
                return ExitCode.INTERNAL_ERROR;
            }
            err.println("funnelql: internal error: " + exception);
            if (System.getenv("FUNNELQL_DEBUG") != null) {
                exception.printStackTrace(err);
            } else {
                err.println("(set FUNNELQL_DEBUG=1 to see the stack trace; please report it)");
            }
            return ExitCode.INTERNAL_ERROR;
        });
        int code = commandLine.execute(arguments);
        out.flush();
        err.flush();
        return code;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
