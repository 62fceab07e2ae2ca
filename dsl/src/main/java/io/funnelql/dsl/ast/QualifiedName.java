package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;

import java.util.List;

public record QualifiedName(List<Identifier> parts, SourceLocation location) implements Node {
    public QualifiedName {
        parts = List.copyOf(parts);
    }
}
