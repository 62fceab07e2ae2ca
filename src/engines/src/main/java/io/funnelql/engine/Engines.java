package io.funnelql.engine;

import java.util.List;

/** Opens engines by name. */
public final class Engines {
    public static final List<String> NAMES = List.of("h2", "oracle-h2", "duckdb", "postgres");

    private Engines() {}

    public static Engine open(String name) {
        return switch (name) {
            case "h2" -> new H2Engine(false);
            case "oracle-h2" -> new H2Engine(true);
            case "duckdb" -> new DuckDbEngine();
            case "postgres" -> new PostgresEngine(SharedPostgres.server());
            default -> throw new IllegalArgumentException(
                    "unknown engine '" + name + "'; valid engines: " + String.join(", ", NAMES));
        };
    }
}
