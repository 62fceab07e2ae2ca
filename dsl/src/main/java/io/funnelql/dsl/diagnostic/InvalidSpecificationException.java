package io.funnelql.dsl.diagnostic;

import java.util.List;

/** A specification that cannot be used: carries every diagnostic found, in source order. */
public final class InvalidSpecificationException extends Exception {
    private final SourceFile file;
    private final List<Diagnostic> diagnostics;

    public InvalidSpecificationException(SourceFile file, List<Diagnostic> diagnostics) {
        super(file.name() + ": " + diagnostics.get(0));
        this.file = file;
        this.diagnostics = List.copyOf(diagnostics);
    }

    public SourceFile file() {
        return file;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The diagnostics as a user sees them: file:line:col, the line, a caret. */
    public String render() {
        return DiagnosticFormatter.format(file, diagnostics);
    }
}
