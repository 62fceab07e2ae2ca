package io.funnelql.compiler.render;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.dialects.MaterializedViews;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Name;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** DDL around a compiled query, named after the query and quoted for the target; the per-target forms are in dialects/. */
public final class Statements {
    private Statements() {}

    public static String view(CompiledQuery compiled) {
        return "CREATE VIEW " + name(compiled) + " AS\n" + compiled.sql();
    }

    /** The statements that store the result for dashboards, in the target's form ({@link MaterializedViews}). */
    public static MaterializedViews.Materialization materializedView(CompiledQuery compiled) {
        Name name = compiled.query().name();
        TargetDialect target = compiled.target();
        return target.materializedView(new MaterializedViews.Names(name(compiled), target.identifier(name.value(), name.quoted()),
                target.quotedIdentifier(name.value() + "_key", name.quoted()), uniqueKey(compiled)), compiled.sql());
    }

    /**
     * The output columns the plan proves unique together (fewest first), else every column: each
     * report is one row per step, key, attempt, session or cohort and offset by construction, and
     * should a result ever hold two equal rows, PostgreSQL's refresh fails loudly rather than
     * storing a wrong table.
     */
    private static String uniqueKey(CompiledQuery compiled) {
        RelNode output = compiled.output();
        Set<ImmutableBitSet> keys = output.getCluster().getMetadataQuery().getUniqueKeys(output);
        List<String> names = output.getRowType().getFieldNames();
        ImmutableBitSet key = keys == null ? ImmutableBitSet.range(names.size()) : keys.stream()
                .min(Comparator.comparingInt(ImmutableBitSet::cardinality).thenComparing(ImmutableBitSet::toString))
                .orElse(ImmutableBitSet.range(names.size()));
        return key.asList().stream().map(index -> compiled.target().quotedIdentifier(names.get(index), true)).collect(Collectors.joining(", "));
    }

    private static String name(CompiledQuery compiled) {
        Name name = compiled.query().name();
        return compiled.target().quotedIdentifier(name.value(), name.quoted());
    }
}
