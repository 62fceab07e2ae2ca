package io.funnelql.spark;

import io.funnelql.engine.EngineException;
import io.funnelql.engine.Processes;
import io.funnelql.events.Shown;
import org.apache.spark.sql.SparkSession;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the spark engine's sessions come from. By default the JVM's one Spark session, started on
 * first use (about 8 s) and stopped by Spark's own shutdown hook; every {@link SparkEngine} works in
 * a {@link SparkSession#newSession() session of its own} on it: its own temporary views and
 * settings, one Spark context. The master is {@code local[2]} unless {@code FUNNELQL_SPARK_MASTER}
 * (or the system property {@code funnelql.spark.master}) names another, e.g. a standalone cluster's
 * {@code spark://host:7077}.
 *
 * <p>With {@code FUNNELQL_SPARK_REMOTE} (or {@code funnelql.spark.remote}) set to a Spark Connect
 * URL ({@code sc://host:15002}), each engine opens a session on that server instead: the SQL runs
 * on the server's cluster, and no Spark runs in this JVM.
 */
final class SharedSpark {
    static final String DEFAULT_MASTER = "local[2]";

    /** The prefix of a Spark Connect URL. */
    static final String CONNECT_SCHEME = "sc://";

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
            "spark.sql.datetime.java8API.enabled", "true",
            "spark.sql.cteRecursionLevelLimit", "-1",
            "spark.sql.cteRecursionRowLimit", "-1");

    /** A session in this JVM also runs with these; a cluster's sessions keep its own. */
    static final Map<String, String> LOCAL_SETTINGS = Map.of("spark.sql.shuffle.partitions", "2");

    private static SparkSession session;
    private static EngineException failure;

    private SharedSpark() {}

    /** The Spark Connect server the spark engine uses instead of a session in this JVM, if one is set. */
    static Optional<String> remote() {
        return setting("funnelql.spark.remote", "FUNNELQL_SPARK_REMOTE");
    }

    static String master() {
        return setting("funnelql.spark.master", "FUNNELQL_SPARK_MASTER").orElse(DEFAULT_MASTER);
    }

    /** The system property, else the environment variable; blank is unset. */
    private static Optional<String> setting(String property, String variable) {
        return Optional.ofNullable(System.getProperty(property))
                .or(() -> Optional.ofNullable(System.getenv(variable)))
                .filter(value -> !value.isBlank());
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
        LOCAL_SETTINGS.forEach((key, value) -> own.conf().set(key, value));
        return own;
    }

    /**
     * A new session on the Spark Connect server at {@code url}. The server is reached first with a
     * plain TCP connection, so a wrong host or port fails in seconds with a clear message rather
     * than after the client's minutes of retries.
     */
    static SparkSession connect(String url) {
        ConnectUrl.reachable(url);
        SparkSession own = null;
        try {
            own = org.apache.spark.sql.connect.SparkSession.builder().remote(url).create();
            for (Map.Entry<String, String> setting : SETTINGS.entrySet()) {
                own.conf().set(setting.getKey(), setting.getValue());
            }
            return own;
        } catch (Exception | LinkageError e) { // Spark throws checked exceptions undeclared
            if (own != null) {
                close(own);
            }
            // Spark's message may repeat the URL's parameters, the token among them.
            throw new EngineException("spark: cannot open a session on " + ConnectUrl.shown(url) + ": "
                    + Shown.escaped(ConnectUrl.shown(String.valueOf(e.getMessage()))), e);
        }
    }

    /** Ends a Spark Connect session on its server; a server already gone has nothing left to end. */
    static void close(SparkSession remoteSession) {
        try {
            remoteSession.close();
        } catch (IOException | RuntimeException e) {
            // the server released the session or went away
        }
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
        LOCAL_SETTINGS.forEach(builder::config);
        return builder.getOrCreate();
    }

    /** Tables of schema-qualified sources are written here; a directory per JVM, deleted at exit. */
    private static Path warehouse() {
        try {
            Path directory = Files.createTempDirectory("funnelql-spark-warehouse");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Processes.deleteRecursively(directory);
                } catch (IOException | UncheckedIOException e) {
                    // best effort at exit: what is left stays for the system's cleaning of temporary files
                }
            }, "funnelql-spark-warehouse-delete"));
            return directory;
        } catch (IOException e) {
            throw new EngineException("spark: cannot create a warehouse directory: " + e.getMessage(), e);
        }
    }
}
