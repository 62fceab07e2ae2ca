package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;

/** Every AST node knows where it starts in the specification. */
public interface Node {
    SourceLocation location();
}
