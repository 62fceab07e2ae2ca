package io.funnelql.spark;

import io.funnelql.engine.Engine;
import io.funnelql.engine.EngineException;
import io.funnelql.engine.EngineProvider;
import io.funnelql.events.Shown;
import io.funnelql.input.EventInput;
import io.funnelql.input.UserInputException;

/** How {@link io.funnelql.engine.Engines#open} finds "spark" (listed in META-INF/services). */
public final class SparkEngineProvider implements EngineProvider {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public Engine open() {
        return new SparkEngine();
    }

    /** A session on the Spark Connect server of an {@code sc://} live table; the SQL reads the table there. */
    @Override
    public Engine openOn(EventInput input) {
        try {
            return SparkEngine.onLiveTable(input.url().orElseThrow(), input.label());
        } catch (EngineException e) {
            // The URL is the user's --events: an unreachable server is their input to fix.
            throw new UserInputException("funnelql: " + input.label() + ": " + Shown.escaped(e.getMessage().replaceFirst("^spark: ", "")));
        }
    }
}
