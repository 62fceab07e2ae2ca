package io.funnelql.compiler;

/** The compiler cannot emit SQL for a query on a target; the message names what and why. */
public final class CompilationException extends RuntimeException {
    public CompilationException(String message) {
        super(message);
    }
}
