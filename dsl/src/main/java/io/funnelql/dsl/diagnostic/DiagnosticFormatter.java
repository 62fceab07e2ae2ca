package io.funnelql.dsl.diagnostic;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders diagnostics the way compilers do: {@code file:line:col: error: message}, then the
 * offending source line and a caret under the column. The line is shown with a tab as a space and
 * any other control character (a NUL the analyser refuses, say) as U+FFFD, one column each so the
 * caret stays under its character: a terminal never receives the raw byte.
 */
public final class DiagnosticFormatter {
    private DiagnosticFormatter() {}

    public static String format(SourceFile file, Diagnostic diagnostic) {
        SourceLocation location = diagnostic.location();
        String line = printable(file.line(location.line()));
        int caretColumn = Math.min(location.column(), line.length() + 1);
        return file.name() + ":" + location.line() + ":" + location.column() + ": "
                + diagnostic.severity().label() + ": " + diagnostic.message() + "\n"
                + "    " + line + "\n"
                + "    " + " ".repeat(caretColumn - 1) + "^";
    }

    private static String printable(String line) {
        StringBuilder shown = new StringBuilder(line.length());
        line.chars().forEach(c -> shown.append(c == '\t' ? ' ' : Character.isISOControl(c) ? '\uFFFD' : (char) c));
        return shown.toString();
    }

    public static String format(SourceFile file, List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> format(file, d)).collect(Collectors.joining("\n"));
    }
}
