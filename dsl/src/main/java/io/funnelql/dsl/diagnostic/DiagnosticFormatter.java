package io.funnelql.dsl.diagnostic;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders diagnostics the way compilers do: {@code file:line:col: error: message}, then the
 * offending source line and a caret under the column.
 */
public final class DiagnosticFormatter {
    private DiagnosticFormatter() {}

    public static String format(SourceFile file, Diagnostic diagnostic) {
        SourceLocation location = diagnostic.location();
        String line = file.line(location.line()).replace('\t', ' ');
        int caretColumn = Math.min(location.column(), line.length() + 1);
        return file.name() + ":" + location.line() + ":" + location.column() + ": "
                + diagnostic.severity().label() + ": " + diagnostic.message() + "\n"
                + "    " + line + "\n"
                + "    " + " ".repeat(caretColumn - 1) + "^";
    }

    public static String format(SourceFile file, List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> format(file, d)).collect(Collectors.joining("\n"));
    }
}
