package io.funnelql.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of the command line, with what it printed. */
record CommandLineRun(int exitCode, String out, String err) {
    static CommandLineRun of(String... arguments) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = FunnelQlCommand.execute(arguments, new PrintWriter(out), new PrintWriter(err));
        return new CommandLineRun(code, out.toString(), err.toString());
    }
}
