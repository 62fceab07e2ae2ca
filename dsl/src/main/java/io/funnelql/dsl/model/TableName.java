package io.funnelql.dsl.model;

import java.util.List;
import java.util.stream.Collectors;

/** A possibly schema-qualified table name, such as {@code app.events}. */
public record TableName(List<Name> parts) {
    public TableName {
        parts = List.copyOf(parts);
    }

    @Override
    public String toString() {
        return parts.stream().map(Name::display).collect(Collectors.joining("."));
    }
}
