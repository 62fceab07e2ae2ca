package io.funnelql.golden;

import io.funnelql.engine.Engine;
import io.funnelql.engine.Engines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engines a test class runs on, each opened once on first use and closed by the class's
 * {@code @AfterAll} ({@link #closeAll}). "oracle-h2" is H2 in Oracle mode running the Oracle
 * SQL, not a real Oracle; PostgreSQL is the embedded server unless FUNNELQL_POSTGRES_URL is set;
 * Spark is a local[2] session shared by the JVM.
 * Public for the differential suite (package io.funnelql.golden.differential).
 */
public final class SharedEngines {
    /** Every engine: the golden cases and the examples run on each. */
    public static final List<String> NAMES = List.of("duckdb", "h2", "oracle-h2", "postgres", "spark");
    /**
     * The engines every try of the differential suite runs on. Spark, seconds per query where the
     * others take milliseconds, runs a fixed few tries of its own (DifferentialTest).
     */
    public static final List<String> EVERY_TRY = List.of("duckdb", "h2", "oracle-h2", "postgres");

    private static final Map<String, Engine> OPEN = new LinkedHashMap<>();

    private SharedEngines() {}

    public static synchronized Engine engine(String name) {
        return OPEN.computeIfAbsent(name, Engines::open);
    }

    public static synchronized void closeAll() {
        OPEN.values().forEach(Engine::close);
        OPEN.clear();
    }
}
