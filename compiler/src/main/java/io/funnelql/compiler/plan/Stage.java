package io.funnelql.compiler.plan;

import org.apache.calcite.rel.RelNode;

import java.util.List;

/**
 * One named step of a query's plan: rendered as one CTE, read by later stages through a table
 * of the same name. {@code declaredKeys} are column sets the plan builder guarantees unique by
 * construction (e.g. a ROW_NUMBER per key), each with the reason, for the fan-out proof.
 *
 * <p>A <em>recursive</em> stage (a walk) has a {@code recursiveStep}: {@code plan} is then its
 * anchor, the rows the walk starts from, and {@code recursiveStep} the term that reads the
 * stage itself by name; the CTE is {@code anchor UNION ALL step}, the step repeated until it adds
 * no rows. Every other stage has no step (null).
 *
 * <p>An <em>enumerating</em> stage pairs rows many-to-many on purpose: each output row is one
 * distinct candidate (ClickHouse's strict_once keeps every candidate chain). {@code enumeration}
 * says what it enumerates and how its readers reduce the candidates to one row per key before
 * anything is counted; the fan-out proof accepts its joins only when both sides are unique on
 * some key, so that no output row repeats another (null for every other stage).
 *
 * <p>An <em>inlined</em> stage is read once, by the next stage, and nothing in it depends on
 * being computed once (no ROW_NUMBER over ties read twice): the renderer never asks the engine
 * to materialize it, so the engine plans the chain as one query (DuckDB's sessions: writing each
 * window stage out cost 1.5 times the time of the whole inlined chain).
 */
public record Stage(String name, String purpose, RelNode plan, List<DeclaredKey> declaredKeys, RelNode recursiveStep,
                    String enumeration, boolean inlined) {
    public Stage {
        declaredKeys = List.copyOf(declaredKeys);
    }

    public Stage(String name, String purpose, RelNode plan, List<DeclaredKey> declaredKeys) {
        this(name, purpose, plan, declaredKeys, null, null, false);
    }

    public boolean recursive() {
        return recursiveStep != null;
    }

    /** Columns unique together in a stage's output, and why. */
    public record DeclaredKey(List<String> columns, String reason) {
        public DeclaredKey {
            columns = List.copyOf(columns);
        }
    }
}
