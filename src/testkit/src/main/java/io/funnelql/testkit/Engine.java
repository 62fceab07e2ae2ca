package io.funnelql.testkit;

/**
 * The real SQL engines a check can run on besides the reference executor. Each is opened once
 * per JVM on first use and shared by every test ({@link SharedEngines}).
 */
public enum Engine {
    /** DuckDB, in memory. */
    DUCKDB("duckdb"),
    /** PostgreSQL: the server at FUNNELQL_POSTGRES_URL, else an embedded server the JVM starts (docs/engines.md). */
    POSTGRES("postgres"),
    /** H2, in memory. */
    H2("h2"),
    /** H2 in its Oracle compatibility mode, running the Oracle SQL: not a real Oracle. */
    ORACLE_H2("oracle-h2"),
    /**
     * Spark SQL on a local session ({@code FUNNELQL_SPARK_MASTER} names another master): needs
     * {@code io.funnelql:funnelql-spark} on the test class path and Spark's JVM options
     * (docs/test-kit.md); without the module, a check on it fails saying so.
     */
    SPARK("spark");

    private final String engineName;

    Engine(String engineName) {
        this.engineName = engineName;
    }

    /** The name {@code funnelql run --engine} takes: duckdb, postgres, h2, oracle-h2, spark. */
    public String engineName() {
        return engineName;
    }

    /** The engine name, so failures and test names read like the command line. */
    @Override
    public String toString() {
        return engineName;
    }
}
