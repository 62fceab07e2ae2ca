package io.funnelql.engine;

import io.funnelql.input.EventInput;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Opens engines by name. */
public final class Engines {
    /** The engines this module runs itself. */
    public static final List<String> NAMES = List.of("h2", "oracle-h2", "duckdb", "postgres");
    /**
     * Engines in modules of their own ({@link EngineProvider}), each with the module whose classes
     * must be on the class path for it.
     */
    public static final Map<String, String> PROVIDED = Map.of("spark", "funnelql-spark (src/spark)");

    private Engines() {}

    /** Every name {@link #open} knows, built-in first. */
    public static List<String> allNames() {
        List<String> names = new ArrayList<>(NAMES);
        names.addAll(PROVIDED.keySet().stream().sorted().toList());
        return names;
    }

    public static Engine open(String name) {
        return switch (name) {
            case "h2" -> new H2Engine(false);
            case "oracle-h2" -> new H2Engine(true);
            case "duckdb" -> new DuckDbEngine();
            case "postgres" -> new PostgresEngine(SharedPostgres.server());
            default -> provider(name).open();
        };
    }

    /**
     * The engine whose SQL runs on the input's live table in place ({@link EventInput#engine}):
     * nothing is loaded and the table is not copied.
     */
    public static Engine openOn(EventInput input) {
        String name = input.engine().orElseThrow(() -> new IllegalArgumentException(input.label()
                + " is not a database an engine runs on"));
        return switch (name) {
            case "duckdb", "postgres" -> LiveEngine.open(input);
            default -> provider(name).openOn(input);
        };
    }

    private static EngineProvider provider(String name) {
        for (EngineProvider provider : ServiceLoader.load(EngineProvider.class)) {
            if (provider.name().equals(name)) {
                return provider;
            }
        }
        if (PROVIDED.containsKey(name)) {
            throw new EngineException(name + ": the engine's module " + PROVIDED.get(name) + " is not on the class path"
                    + " (the ./funnelql launcher adds it when a command names the engine; docs/engines.md)");
        }
        throw new IllegalArgumentException("unknown engine '" + name + "'; valid engines: " + String.join(", ", allNames()));
    }
}
