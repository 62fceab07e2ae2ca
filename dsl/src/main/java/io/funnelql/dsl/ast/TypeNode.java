package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;
import io.funnelql.dsl.model.DataType;

public record TypeNode(DataType type, SourceLocation location) implements Node {}
