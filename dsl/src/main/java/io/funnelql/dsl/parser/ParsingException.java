package io.funnelql.dsl.parser;

import io.funnelql.dsl.diagnostic.Diagnostic;
import io.funnelql.dsl.diagnostic.SourceLocation;

/** A syntax error in one statement; parsing resumes at the next statement. */
final class ParsingException extends RuntimeException {
    private final transient Diagnostic diagnostic;

    ParsingException(SourceLocation location, String message) {
        super(message, null, false, false);
        this.diagnostic = Diagnostic.error(location, message);
    }

    Diagnostic diagnostic() {
        return diagnostic;
    }
}
