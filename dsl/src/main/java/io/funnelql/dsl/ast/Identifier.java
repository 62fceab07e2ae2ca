package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.Name;

/** An identifier as written; {@link #name()} applies the case rule. */
public record Identifier(String text, boolean quoted, SourceLocation location) implements Node {
    public Name name() {
        return quoted ? Name.quoted(text) : Name.unquoted(text);
    }
}
