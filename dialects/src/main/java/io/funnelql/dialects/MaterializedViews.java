package io.funnelql.dialects;

import java.util.List;

/**
 * The statements that store a query's result for dashboards, per target. PostgreSQL gets a
 * materialized view created empty, with the unique index {@code REFRESH … CONCURRENTLY} needs;
 * Oracle a materialized view refreshed completely on demand; DuckDB, H2 and Spark, which have no
 * materialized views, a table that the refresh rebuilds.
 */
public final class MaterializedViews {
    private MaterializedViews() {}

    /**
     * The names the statements use, already quoted for the target: the view, its unique index and
     * the columns that index covers; {@code foldedName} is the view's name as the database stores
     * it, unquoted (Oracle's refresh procedure takes it as a string).
     */
    public record Names(String view, String foldedName, String index, String uniqueColumns) {}

    /**
     * The statements that create the stored result (each without its terminating semicolon), the
     * statements of its first refresh, and those of every later refresh.
     */
    public record Materialization(List<String> create, List<String> firstRefresh, List<String> refresh) {
        public Materialization {
            create = List.copyOf(create);
            firstRefresh = List.copyOf(firstRefresh);
            refresh = List.copyOf(refresh);
        }
    }

    static Materialization of(TargetDialect target, Names names, String sql) {
        String view = names.view();
        return switch (target) {
            case POSTGRES -> new Materialization(
                    List.of("CREATE MATERIALIZED VIEW " + view + " AS\n" + sql + "\nWITH NO DATA",
                            "CREATE UNIQUE INDEX " + names.index() + " ON " + view + " (" + names.uniqueColumns() + ")"),
                    // CONCURRENTLY cannot fill a view that was never filled.
                    List.of("REFRESH MATERIALIZED VIEW " + view),
                    List.of("REFRESH MATERIALIZED VIEW CONCURRENTLY " + view));
            case ORACLE -> new Materialization(
                    List.of("CREATE MATERIALIZED VIEW " + view + " BUILD DEFERRED REFRESH COMPLETE ON DEMAND AS\n" + sql),
                    List.of(oracleRefresh(names.foldedName())),
                    List.of(oracleRefresh(names.foldedName())));
            case DUCKDB -> new Materialization(
                    List.of("CREATE TABLE " + view + " AS\n" + sql),
                    List.of(),
                    // One statement: readers see the old table or the new one, never an empty one.
                    List.of("CREATE OR REPLACE TABLE " + view + " AS\n" + sql));
            // Spark has no materialized views: a table that INSERT OVERWRITE refills in one statement.
            case SPARK -> new Materialization(
                    List.of("CREATE TABLE " + view + " AS\n" + sql),
                    List.of(),
                    List.of("INSERT OVERWRITE TABLE " + view + "\n" + sql));
            case H2 -> new Materialization(
                    List.of("CREATE TABLE " + view + " AS\n" + sql),
                    List.of(),
                    List.of("DELETE FROM " + view, "INSERT INTO " + view + "\n" + sql));
        };
    }

    /** DBMS_MVIEW takes the name as a string; a quoted name keeps its case inside double quotes. */
    private static String oracleRefresh(String foldedName) {
        return "BEGIN DBMS_MVIEW.REFRESH('\"" + foldedName.replace("\"", "\"\"").replace("'", "''") + "\"', 'C'); END;";
    }
}
