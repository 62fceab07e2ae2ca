package io.funnelql.cli;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.compiler.render.SqlText;
import io.funnelql.input.UserInputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where {@code run} keeps the SQL it executed, so users can read and review it. */
final class SqlFiles {
    static final Path DIRECTORY = Path.of("funnelql-out");

    private SqlFiles() {}

    static Path write(CompiledQuery compiled) {
        Path file = DIRECTORY.resolve(compiled.query().name().value().replaceAll("[^A-Za-z0-9_.-]", "_") + "."
                + compiled.target().keyword() + ".sql");
        try {
            Files.createDirectories(DIRECTORY);
            Files.writeString(file, SqlText.withHeader(compiled));
        } catch (IOException e) {
            throw new UserInputException("funnelql: cannot write " + file + ": " + e.getMessage());
        }
        return file;
    }
}
