package io.funnelql.dsl.ast;

import java.util.List;

/** The statements of one file that parsed, in order. */
public record Script(List<Statement> statements) {
    public Script {
        statements = List.copyOf(statements);
    }
}
