package io.funnelql.cli;

import io.funnelql.input.UserInputException;
import io.funnelql.report.HtmlReport;
import io.funnelql.report.ReportRun;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes {@code run --report}'s page; a folder that does not exist yet is made. */
final class ReportFiles {
    private ReportFiles() {}

    static void write(Path file, ReportRun run) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, HtmlReport.render(run), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserInputException("funnelql: cannot write " + file + ": " + e.getMessage());
        }
    }
}
