package io.funnelql.dsl.model;

/** A column of a source table, with its declared type. */
public record Column(Name name, DataType type) {
    @Override
    public String toString() {
        return name.display() + " " + type.displayName();
    }
}
