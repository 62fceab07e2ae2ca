package io.funnelql.dsl.diagnostic;

import java.util.Objects;

/** One finding about a specification, anchored at the place it is about. */
public record Diagnostic(Severity severity, SourceLocation location, String message) {
    public Diagnostic {
        Objects.requireNonNull(severity, "severity is null");
        Objects.requireNonNull(location, "location is null");
        Objects.requireNonNull(message, "message is null");
    }

    public static Diagnostic error(SourceLocation location, String message) {
        return new Diagnostic(Severity.ERROR, location, message);
    }

    /** {@code line L:C: message}, the form tests and exceptions use. */
    @Override
    public String toString() {
        return "line " + location + ": " + message;
    }
}
