package io.funnelql.lint.model;

import org.apache.calcite.sql.SqlNode;

/** One relation in a FROM clause: its alias (or name), its shape, and the node that names it. */
public record RelationUse(String alias, RelationShape shape, SqlNode node) {
    /** How a message names it: {@code impressions i}, or the alias alone. */
    public String display() {
        String origin = shape.origin().orElse("(subquery)");
        return origin.equals(alias) ? alias : origin + " " + alias;
    }

    @Override
    public String toString() {
        return alias;
    }
}
