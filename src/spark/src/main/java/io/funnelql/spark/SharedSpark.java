package io.funnelql.spark;

import io.funnelql.engine.EngineException;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The JVM's one Spark session, started on first use (about 8 s) and stopped by Spark's own shutdown
 * hook. Every {@link SparkEngine} works in a {@link SparkSession#newSession() session of its own}
 * on it: its own temporary views and settings, one Spark context.
 *
 * <p>The master is {@code local[2]} unless {@code FUNNELQL_SPARK_MASTER} (or the system property
 * {@code funnelql.spark.master}) names another, e.g. a standalone cluster's {@code spark://host:7077}.
 */
final class SharedSpark {
    static final String DEFAULT_MASTER = "local[2]";

    /**
     * Every session runs with these. The compiled SQL needs UTC (a TIMESTAMP_NTZ cast to TIMESTAMP
     * is read in the session's zone); few shuffle partitions and no UI keep small queries fast; Java
     * time types in rows; the recursion limits of recursive CTEs (100 levels, a million rows by
     * default) would stop a walk over a long history. Constraint propagation canonicalizes every
     * OR of the plan's conditions again and again: a 32-step walk (golden case
     * steps-32-allow-reentry) stayed in the optimizer for minutes with it on.
     */
    static final Map<String, String> SETTINGS = Map.of(
            "spark.sql.constraintPropagation.enabled", "false",
            "spark.sql.session.timeZone", "UTC",
            "spark.sql.shuffle.partitions", "2",
            "spark.sql.datetime.java8API.enabled", "true",
            "spark.sql.cteRecursionLevelLimit", "-1",
            "spark.sql.cteRecursionRowLimit", "-1");

    private static SparkSession session;
    private static EngineException failure;

    private SharedSpark() {}

    static String master() {
        return Optional.ofNullable(System.getProperty("funnelql.spark.master"))
                .or(() -> Optional.ofNullable(System.getenv("FUNNELQL_SPARK_MASTER")))
                .filter(master -> !master.isBlank())
                .orElse(DEFAULT_MASTER);
    }

    /** A new session on the shared context; a failed start is remembered, so later engines fail at once the same way. */
    static synchronized SparkSession newSession() {
        if (failure != null) {
            throw failure;
        }
        if (session == null) {
            try {
                session = start(master());
            } catch (Exception | LinkageError e) { // Spark throws checked exceptions undeclared
                failure = new EngineException("spark: cannot start a session on " + master() + ": " + e, e);
                throw failure;
            }
        }
        SparkSession own = session.newSession();
        SETTINGS.forEach((key, value) -> own.conf().set(key, value));
        return own;
    }

    private static SparkSession start(String master) {
        SparkSession.Builder builder = SparkSession.builder()
                .appName("funnelql")
                .master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.warehouse.dir", warehouse().toUri().toString());
        if (master.startsWith("local")) {
            // Nothing outside this machine needs to reach a local driver.
            builder.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        SETTINGS.forEach(builder::config);
        return builder.getOrCreate();
    }

    /** Best effort at exit: what cannot be deleted stays in the temporary directory. */
    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left for the system's cleaning of temporary files
        }
    }

    /** Tables of schema-qualified sources are written here; a directory per JVM, deleted at exit. */
    private static Path warehouse() {
        try {
            Path directory = Files.createTempDirectory("funnelql-spark-warehouse");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory), "funnelql-spark-warehouse-delete"));
            return directory;
        } catch (IOException e) {
            throw new EngineException("spark: cannot create a warehouse directory: " + e.getMessage(), e);
        }
    }
}
