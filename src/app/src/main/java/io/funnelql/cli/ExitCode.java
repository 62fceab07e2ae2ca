package io.funnelql.cli;

/** The exit codes every command keeps to. */
final class ExitCode {
    static final int OK = 0;
    /** A bug or an environment failure; also a verification or lint that found errors. */
    static final int INTERNAL_ERROR = 1;
    /** Invalid input: a spec, an events file or command-line usage. */
    static final int INVALID_INPUT = 2;

    private ExitCode() {}
}
