package io.funnelql.compiler.plan;

import org.apache.calcite.rel.RelNode;

import java.util.List;

/**
 * One named step of a query's plan: rendered as one CTE, read by later stages through a table
 * of the same name. {@code declaredKeys} are column sets the plan builder guarantees unique by
 * construction (e.g. a ROW_NUMBER per key), each with the reason, for the fan-out proof.
 */
public record Stage(String name, String purpose, RelNode plan, List<DeclaredKey> declaredKeys) {
    public Stage {
        declaredKeys = List.copyOf(declaredKeys);
    }

    /** Columns unique together in a stage's output, and why. */
    public record DeclaredKey(List<String> columns, String reason) {
        public DeclaredKey {
            columns = List.copyOf(columns);
        }
    }
}
