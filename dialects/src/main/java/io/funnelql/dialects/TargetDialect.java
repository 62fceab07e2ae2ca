package io.funnelql.dialects;

import io.funnelql.dsl.model.DataType;
import org.apache.calcite.sql.SqlDialect;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The SQL targets FunnelQL renders for. Oracle cannot run in this project's test environment: its
 * SQL is rendered, parsed and executed on H2's Oracle compatibility mode, and reports say so.
 */
public enum TargetDialect {
    POSTGRES("PostgreSQL", false, PostgresDialect::new),
    DUCKDB("DuckDB", false, DuckDbDialect::new),
    ORACLE("Oracle", true, OracleDialect::new),
    H2("H2", true, H2Dialect::new),
    SPARK("Spark SQL", false, SparkDialect::new);

    private final String productName;
    private final boolean foldsToUpperCase;
    private final Supplier<SqlDialect> sqlDialect;

    TargetDialect(String productName, boolean foldsToUpperCase, Supplier<SqlDialect> sqlDialect) {
        this.productName = productName;
        this.foldsToUpperCase = foldsToUpperCase;
        this.sqlDialect = sqlDialect;
    }

    /** The Calcite dialect that renders this target's SQL. */
    public SqlDialect sqlDialect() {
        return sqlDialect.get();
    }

    /**
     * The exact name an identifier has in the database: a quoted name as written, an unquoted one
     * folded the way the engine folds unquoted names (lower case in PostgreSQL and DuckDB, upper
     * case in Oracle and H2; Spark matches names without regard to case and keeps them in lower
     * case). Every identifier FunnelQL emits is then quoted, so reserved words,
     * spaces and quotes in names are safe.
     */
    public String identifier(String name, boolean quoted) {
        if (quoted) {
            return name;
        }
        return foldsToUpperCase ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }

    /** {@link #identifier} quoted for this target: how FunnelQL writes every name it emits. */
    public String quotedIdentifier(String name, boolean quoted) {
        return sqlDialect().quoteIdentifier(identifier(name, quoted));
    }

    /**
     * What follows {@code AS} in a CTE that must be computed once (the renderer decides which:
     * SqlRenderer). DuckDB inlines a CTE into each of its readers: a CTE read twice is computed
     * twice (a ROW_NUMBER over ties may then number rows differently each time), and preparing a
     * chain of k step CTEs each read by the next ones took time exponential in k (20 steps:
     * 42 s); materialized, each is planned and computed once. PostgreSQL materializes a CTE read
     * more than once by itself, and H2 and Oracle plan a chain in linear time: they keep the
     * default, which lets predicates be pushed down.
     */
    public String materializedPrefix() {
        return this == DUCKDB ? "MATERIALIZED " : "";
    }

    /**
     * What follows {@code AS} in a CTE that a walk's recursive step reads: read again in every
     * iteration, so it must be computed once even where it has one reader. PostgreSQL folds a CTE
     * read once into its reader, which inside a recursive step recomputed the whole stage per
     * iteration (a sequence count at 1M events did not finish in 120 s).
     */
    public String repeatedlyReadPrefix() {
        return this == DUCKDB || this == POSTGRES ? "MATERIALIZED " : "";
    }

    /**
     * What follows {@code AS} in a CTE that is only a filtered projection of the source table,
     * cheaper re-scanned by each reader with its filter pushed into the scan. PostgreSQL would
     * otherwise materialize such a CTE read more than once, and its readers' filters would scan
     * the copy (the aggregate chain: 2.2 times the hand-written chain's time at 1M events).
     */
    public String inlinedPrefix() {
        return this == POSTGRES ? "NOT MATERIALIZED " : "";
    }

    /**
     * Whether the engine computes a CTE that many stages read once and shares it (DuckDB does, by
     * itself, for a CTE read many times), so that many steps reading one events stage beat each
     * step re-scanning the source table. Measured with the aggregate chain on DuckDB at 1M
     * events: per-step scans of the source win up to 4 steps and lose beyond (32 steps: 1.04 s
     * against 0.44 s); PostgreSQL re-scans an inlined CTE per reader anyway.
     */
    public boolean sharesRepeatedScans() {
        return this == DUCKDB;
    }

    /**
     * Whether the engine sorts again for each stacked window pass over the same partition and
     * order. DuckDB does (ClickHouse's entry latest as one window stage per level: 1.66 s at 1M
     * events for 3 steps, against 0.47 s for one sort and lookups, {@code ClickHouseLevelLookups});
     * PostgreSQL evaluates stacked windows of the same order over one sort, where the lookups'
     * extra aggregates and joins cost more than they save.
     */
    public boolean sortsEachWindowPass() {
        return this == DUCKDB;
    }

    /** Up to this many microseconds are added to a timestamp exactly on every engine (PostgreSQL multiplies intervals in double precision). */
    private static final long EXACT_MICROS_ADDED = 1L << 53;

    /**
     * Whether a plan may compare timestamps and add {@code micros} (a window or a gap) with {@link
     * PortableFunctions#TIMESTAMP_PLUS_MICROS} instead of computing every row's epoch
     * microseconds: PostgreSQL computes those with numeric arithmetic (150–200 ms per million
     * rows). Not Oracle: no exact interval from a number runs on both Oracle and H2's Oracle mode
     * (which lacks NUMTODSINTERVAL), and adding a number to an Oracle TIMESTAMP drops its fraction.
     */
    public boolean addsMicrosToTimestamps(long micros) {
        return this != ORACLE && micros < EXACT_MICROS_ADDED;
    }

    /**
     * How a statement with a recursive CTE (a walk) begins. PostgreSQL, DuckDB and H2 need
     * {@code WITH RECURSIVE}; Oracle has no such keyword and recognises a CTE that reads itself
     * (with a column list, which FunnelQL always writes on a recursive statement's CTEs).
     */
    public String recursiveWith() {
        return this == ORACLE ? "WITH " : "WITH RECURSIVE ";
    }

    /** The column type a table of this target gets for a language type. */
    public String columnType(DataType type) {
        return ColumnTypes.of(this, type);
    }

    /**
     * What the target offers a dashboard in place of a view (PostgreSQL's and Oracle's
     * materialized views, a rebuilt table on DuckDB and H2): see {@link MaterializedViews}.
     */
    public MaterializedViews.Materialization materializedView(MaterializedViews.Names names, String sql) {
        return MaterializedViews.of(this, names, sql);
    }

    /**
     * Why {@code --as incremental} cannot target this engine, if it cannot: its batch script
     * deletes a key's last sessions and inserts them again in one transaction, and Spark SQL has
     * neither a DELETE on a plain (Parquet) table nor transactions.
     */
    public Optional<String> incrementalRefusal() {
        return this == SPARK ? Optional.of("Spark SQL has no DELETE on a plain table and no transactions, which the"
                + " batch script needs; compile --as materialized-view (a table INSERT OVERWRITE refills) instead")
                : Optional.empty();
    }

    /** What a report must say about where this target's SQL was tested, when not on the product itself. */
    public Optional<String> testedOnNote() {
        return this == ORACLE ? Optional.of("tested on H2's Oracle mode, not on a real Oracle") : Optional.empty();
    }

    /** The spelling used on the command line and in file names ({@code expected.postgres.sql}). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String productName() {
        return productName;
    }

    public static Optional<TargetDialect> fromKeyword(String text) {
        return Arrays.stream(values()).filter(d -> d.keyword().equalsIgnoreCase(text)).findFirst();
    }
}
