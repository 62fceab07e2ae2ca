package io.funnelql.lint.model;

import org.apache.calcite.sql.SqlNode;

import java.util.List;

/**
 * A join in which neither side is provably unique on the join keys, so rows of both sides can be
 * repeated. {@code at} is the node a finding points at; {@code keys} the equated columns (empty:
 * no equi-join key at all).
 */
public record FanOut(String left, String right, List<String> keys, SqlNode at) {
    public FanOut {
        keys = List.copyOf(keys);
    }

    public String describe() {
        return left + " and " + right + (keys.isEmpty() ? " (no equality key)" : " on " + String.join(", ", keys));
    }
}
