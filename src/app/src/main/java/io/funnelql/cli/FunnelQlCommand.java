package io.funnelql.cli;

import io.funnelql.compiler.CompilationException;
import io.funnelql.engine.EngineException;
import io.funnelql.input.Suggestions;
import io.funnelql.input.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code funnelql}: the command line. Exit codes: 0 success, 1 internal error (or a
 * disagreement {@code verify}, {@code lint} or {@code bench} reports), 2 invalid input (a spec,
 * an events file or the command line itself, including no command at all). Every command takes
 * {@code -h}/{@code --help}; an unknown command, option or value gets the closest valid one as a
 * suggestion. No stack trace reaches a user unless FUNNELQL_DEBUG is set.
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
public final class FunnelQlCommand implements Callable<Integer> {
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
        commandLine.setParameterExceptionHandler(FunnelQlCommand::usageError);
        commandLine.setExecutionExceptionHandler((exception, command, parseResult) -> {
            if (exception instanceof UserInputException input) {
                err.println(input.getMessage());
                return ExitCode.INVALID_INPUT;
            }
            if (exception instanceof CompilationException refusal) {
                // The compiler refuses what the spec asks for: the spec is the input to change.
                err.println("funnelql " + parseResult.subcommand().commandSpec().name() + ": cannot compile: "
                        + refusal.getMessage());
                return ExitCode.INVALID_INPUT;
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

    /** No command: the usage, on stderr, and exit 2 (a script that forgot its command must not pass). */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.INVALID_INPUT;
    }

    /**
     * A command line picocli cannot parse: its message, the closest valid command or option for
     * an unknown one, the command's synopsis and where its help is; exit 2.
     */
    private static int usageError(CommandLine.ParameterException exception, String[] arguments) {
        CommandLine command = exception.getCommandLine();
        PrintWriter err = command.getErr();
        err.println(exception.getMessage());
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
                && !unmatched.getUnmatched().get(0).startsWith("-") && !command.getSubcommands().isEmpty()) {
            Suggestions.closest(unmatched.getUnmatched().get(0), new ArrayList<>(command.getSubcommands().keySet()))
                    .ifPresent(name -> err.println("did you mean '" + command.getCommandName() + " " + name + "'?"));
        }
        // An option picocli does not know, even when it first reports a missing required one.
        List<String> options = new ArrayList<>(command.getCommandSpec().optionsMap().keySet());
        for (String argument : arguments) {
            String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
            if (name.startsWith("-") && name.length() > 1 && Character.isLetter(name.charAt(name.length() - 1))
                    && !options.contains(name)) {
                Suggestions.closest(name, options).ifPresent(option -> err.println("unknown option '" + name
                        + "'; did you mean '" + option + "'?"));
            }
        }
        err.print("Usage: " + command.getHelp().synopsis(0));
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCode.INVALID_INPUT;
    }
}
