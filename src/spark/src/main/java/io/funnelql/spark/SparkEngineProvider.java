package io.funnelql.spark;

import io.funnelql.engine.Engine;
import io.funnelql.engine.EngineProvider;

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
}
