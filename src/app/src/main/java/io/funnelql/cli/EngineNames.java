package io.funnelql.cli;

import io.funnelql.input.UserInputException;

import java.util.List;
import java.util.Locale;

/** Engine names as users type them: "oracle" is accepted for H2's Oracle mode, the only Oracle that runs here. */
final class EngineNames {
    static final List<String> SQL_ENGINES = List.of("duckdb", "postgres", "h2", "oracle-h2");

    private EngineNames() {}

    static String canonical(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        String canonical = lower.equals("oracle") ? "oracle-h2" : lower;
        if (!SQL_ENGINES.contains(canonical)) {
            throw new UserInputException("funnelql: unknown engine '" + name + "'; valid engines: "
                    + String.join(", ", SQL_ENGINES) + " (oracle-h2 is H2 in Oracle mode, not a real Oracle)");
        }
        return canonical;
    }
}
