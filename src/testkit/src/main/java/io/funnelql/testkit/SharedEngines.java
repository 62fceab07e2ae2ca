package io.funnelql.testkit;

import io.funnelql.engine.Engines;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

/**
 * One engine of each kind per JVM, opened on first use and closed when the JVM exits.
 *
 * <p>Why a shutdown hook and not a JUnit extension: the kit is a static API that tests call
 * without any annotation, and starting PostgreSQL costs seconds, so engines must outlive a test
 * class. An extension would have to be registered on every test class (or by autodetection,
 * which users must switch on), and one forgotten registration would leak or restart engines; a
 * hook needs nothing from the user and works under any launcher (Maven, Gradle, an IDE).
 * The embedded PostgreSQL server itself is stopped by its own hook (io.funnelql.engine).
 */
final class SharedEngines {
    private static final Map<Engine, io.funnelql.engine.Engine> OPEN = new EnumMap<>(Engine.class);

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(SharedEngines::closeAll, "funnelql-testkit-engines"));
    }

    private SharedEngines() {}

    /**
     * Runs {@code action} on the engine, alone: an engine holds one table per source, which each
     * run reloads, so two tests running in parallel must not interleave on the same engine.
     */
    static <T> T run(Engine engine, Function<io.funnelql.engine.Engine, T> action) {
        io.funnelql.engine.Engine open = open(engine);
        synchronized (open) {
            return action.apply(open);
        }
    }

    private static synchronized io.funnelql.engine.Engine open(Engine engine) {
        return OPEN.computeIfAbsent(engine, kind -> Engines.open(kind.engineName()));
    }

    /**
     * Closing drops a PostgreSQL engine's schema, which matters on a server at FUNNELQL_POSTGRES_URL.
     * The embedded server may already be stopping in its own hook; a close that fails then is of no
     * consequence, since the server's data goes with it.
     */
    private static synchronized void closeAll() {
        for (io.funnelql.engine.Engine open : OPEN.values()) {
            try {
                open.close();
            } catch (RuntimeException ignored) {
                // The JVM is exiting; there is no test left to report to.
            }
        }
        OPEN.clear();
    }
}
