package io.funnelql.lint.model;

/** A column of one relation of a SELECT's FROM clause. */
public record ColumnRef(RelationUse relation, String column) {
    public String key() {
        return relation.alias() + "." + column;
    }

    @Override
    public String toString() {
        return key();
    }
}
