package io.funnelql.dsl.parser;

import io.funnelql.dsl.ast.Script;
import io.funnelql.dsl.diagnostic.Diagnostic;

import java.util.List;

/** The statements that parsed and the syntax errors of those that did not. */
public record ParseResult(Script script, List<Diagnostic> diagnostics) {
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }
}
