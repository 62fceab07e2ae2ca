package io.funnelql.dsl.ast;

import io.funnelql.dsl.diagnostic.SourceLocation;

/** {@code 30 minutes}: an amount and a unit, checked later (a month has no fixed length). */
public record DurationNode(long amount, TimeUnit unit, SourceLocation location) implements Node {
    @Override
    public String toString() {
        return amount + " " + unit.keyword() + (amount == 1 ? "" : "s");
    }
}
