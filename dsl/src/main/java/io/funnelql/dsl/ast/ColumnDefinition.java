package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;

public record ColumnDefinition(Identifier name, TypeNode type, SourceLocation location) implements Node {}
