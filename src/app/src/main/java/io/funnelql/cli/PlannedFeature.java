package io.funnelql.cli;

import java.io.PrintWriter;

/**
 * A command whose contract (name and flags) is fixed but whose implementation has not landed yet.
 * It says so plainly and exits 1; it never prints a partial or made-up result.
 */
final class PlannedFeature {
    private PlannedFeature() {}

    static int report(PrintWriter err, String command, String what) {
        err.println("funnelql " + command + ": " + what + " is not available in this build yet.");
        return ExitCode.INTERNAL_ERROR;
    }
}
