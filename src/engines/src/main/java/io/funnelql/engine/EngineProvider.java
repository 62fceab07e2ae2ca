package io.funnelql.engine;

import io.funnelql.input.EventInput;

/**
 * An engine that lives in a module of its own, found by {@link Engines#open} through
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/io.funnelql.engine.EngineProvider}
 * file): Spark's jars stay off the class path of everything that does not run Spark, and this
 * module does not depend on them (docs/architecture.md, "Spark").
 */
public interface EngineProvider {
    /** The name {@link Engines#open} takes. */
    String name();

    Engine open();

    /**
     * The engine on a live table where it lives ({@code --events} at a database of this engine's
     * kind, {@link EventInput#engine}): its SQL runs there and nothing is loaded.
     */
    default Engine openOn(EventInput input) {
        throw new IllegalArgumentException(name() + " runs on no live table; " + input.label() + " is one");
    }
}
