package io.funnelql.compiler.render;

import io.funnelql.compiler.CompiledQuery;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Name;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.util.ImmutableBitSet;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** DDL around a compiled query, named after the query and quoted for the target. */
public final class Statements {
    private Statements() {}

    public static String view(CompiledQuery compiled) {
        return "CREATE VIEW " + name(compiled) + " AS\n" + compiled.sql();
    }

    /**
     * What a dashboard materializes: the statements that create the stored result, each without
     * its terminating semicolon, and the statement that refreshes it. PostgreSQL gets a
     * materialized view created empty, with the unique index {@code REFRESH … CONCURRENTLY}
     * needs; Oracle a materialized view refreshed completely on demand; DuckDB and H2, which have
     * no materialized views, a table that the refresh rebuilds.
     */
    public record Materialization(List<String> create, List<String> firstRefresh, List<String> refresh) {
        public Materialization {
            create = List.copyOf(create);
            firstRefresh = List.copyOf(firstRefresh);
            refresh = List.copyOf(refresh);
        }
    }

    public static Materialization materializedView(CompiledQuery compiled) {
        String name = name(compiled);
        TargetDialect target = compiled.target();
        return switch (target) {
            case POSTGRES -> new Materialization(
                    List.of("CREATE MATERIALIZED VIEW " + name + " AS\n" + compiled.sql() + "\nWITH NO DATA",
                            "CREATE UNIQUE INDEX " + target.quotedIdentifier(compiled.query().name().value() + "_key", compiled.query().name().quoted()) + " ON " + name
                                    + " (" + uniqueKey(compiled) + ")"),
                    // CONCURRENTLY cannot fill a view that was never filled.
                    List.of("REFRESH MATERIALIZED VIEW " + name),
                    List.of("REFRESH MATERIALIZED VIEW CONCURRENTLY " + name));
            case ORACLE -> new Materialization(
                    List.of("CREATE MATERIALIZED VIEW " + name + " BUILD DEFERRED REFRESH COMPLETE ON DEMAND AS\n" + compiled.sql()),
                    List.of(oracleRefresh(compiled)),
                    List.of(oracleRefresh(compiled)));
            case DUCKDB -> new Materialization(
                    List.of("CREATE TABLE " + name + " AS\n" + compiled.sql()),
                    List.of(),
                    // One statement: readers see the old table or the new one, never an empty one.
                    List.of("CREATE OR REPLACE TABLE " + name + " AS\n" + compiled.sql()));
            case H2 -> new Materialization(
                    List.of("CREATE TABLE " + name + " AS\n" + compiled.sql()),
                    List.of(),
                    List.of("DELETE FROM " + name, "INSERT INTO " + name + "\n" + compiled.sql()));
        };
    }

    private static String oracleRefresh(CompiledQuery compiled) {
        Name name = compiled.query().name();
        String folded = compiled.target().identifier(name.value(), name.quoted());
        // DBMS_MVIEW takes the name as a string; a quoted name keeps its case inside double quotes.
        return "BEGIN DBMS_MVIEW.REFRESH('\"" + folded.replace("\"", "\"\"").replace("'", "''") + "\"', 'C'); END;";
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
