package io.funnelql.dsl;

import io.funnelql.dsl.analysis.SemanticAnalyzer;
import io.funnelql.dsl.diagnostic.Diagnostic;
import io.funnelql.dsl.diagnostic.InvalidSpecificationException;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Specification;
import io.funnelql.dsl.parser.ParseResult;
import io.funnelql.dsl.parser.SpecificationParser;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The front end in one call: text to a resolved, checked {@link Specification}, or every
 * diagnostic that stands in the way.
 */
public final class SpecificationLoader {
    private SpecificationLoader() {}

    public static Specification load(Path path) throws IOException, InvalidSpecificationException {
        return load(SourceFile.read(path));
    }

    public static Specification load(SourceFile file) throws InvalidSpecificationException {
        ParseResult parsed = new SpecificationParser().parse(file);
        if (!parsed.diagnostics().isEmpty()) {
            // Semantic checks on a partial file would report names that the broken statements declare.
            throw new InvalidSpecificationException(file, parsed.diagnostics());
        }
        SemanticAnalyzer.Result analyzed = new SemanticAnalyzer().analyze(file.name(), parsed.script());
        List<Diagnostic> diagnostics = analyzed.diagnostics();
        if (!diagnostics.isEmpty()) {
            throw new InvalidSpecificationException(file, diagnostics);
        }
        return analyzed.specification().orElseThrow();
    }
}
