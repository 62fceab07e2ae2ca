package io.funnelql.cli;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.render.SqlText;
import io.funnelql.input.UserInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code run} keeps the SQL it executed ({@code --sql-out}, default funnelql-out), so users can read and review it. */
final class SqlFiles {
    private SqlFiles() {}

    /** Writes the SQL with its header to {@code directory} (made when missing) as NAME.DIALECT.sql. */
    static Path write(Path directory, CompiledQuery compiled) {
        Path file = directory.resolve(compiled.query().name().value().replaceAll("[^A-Za-z0-9_.-]", "_") + "."
                + compiled.target().keyword() + ".sql");
        try {
            Files.createDirectories(directory);
            Files.writeString(file, SqlText.withHeader(compiled));
        } catch (IOException e) {
            throw new UserInputException("funnelql: cannot write " + file + ": " + e.getMessage());
        }
        return file;
    }
}
