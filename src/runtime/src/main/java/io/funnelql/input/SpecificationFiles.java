package io.funnelql.input;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.InvalidSpecificationException;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Query;
import io.funnelql.dsl.model.Specification;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Loading specs for commands and the test kit (funnelql-testkit): every failure becomes a
 * message for the user, {@code file:line:col} diagnostics for a spec that does not check.
 */
public final class SpecificationFiles {
    private SpecificationFiles() {}

    public static Specification load(Path path) {
        return load(read(path));
    }

    /** The file's text, for loading and for showing (reports). */
    public static SourceFile read(Path path) {
        try {
            return SourceFile.read(path);
        } catch (IOException e) {
            throw new UserInputException(unreadable(path, e));
        }
    }

    /** A spec given as text; diagnostics name it by the file's name. */
    public static Specification load(SourceFile file) {
        try {
            return SpecificationLoader.load(file);
        } catch (InvalidSpecificationException e) {
            throw new UserInputException(e.render());
        }
    }

    /** The message for a file that cannot be read: a spec, or the test kit's expected rows. */
    public static String unreadable(Path path, IOException error) {
        return error instanceof NoSuchFileException
                ? "funnelql: " + path + ": no such file"
                : "funnelql: cannot read " + path + ": " + error.getMessage();
    }

    /** The query named on the command line, or the file's only query. */
    public static Query query(Specification specification, Optional<String> name) {
        if (name.isPresent()) {
            return specification.query(name.get()).orElseThrow(() -> new UserInputException(
                    "funnelql: " + specification.fileName() + " has no query named '" + name.get() + "'; it has: "
                            + queryNames(specification) + Suggestions.didYouMean(name.get(),
                            specification.queries().stream().map(q -> q.name().display()).toList())));
        }
        if (specification.queries().size() != 1) {
            throw new UserInputException("funnelql: " + specification.fileName() + " has "
                    + specification.queries().size() + " queries; choose one with --query NAME ("
                    + queryNames(specification) + ")");
        }
        return specification.queries().get(0);
    }

    private static String queryNames(Specification specification) {
        return specification.queries().isEmpty() ? "none"
                : String.join(", ", specification.queries().stream().map(q -> q.name().display()).toList());
    }
}
