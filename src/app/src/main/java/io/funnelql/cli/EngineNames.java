package io.funnelql.cli;

import io.funnelql.engine.Engines;
import io.funnelql.input.Suggestions;
import io.funnelql.input.UserInputException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Engine names as users type them: "oracle" is accepted for H2's Oracle mode, the only Oracle that
 * runs here. "spark" is accepted but never a default: its module is loaded only when asked for.
 */
final class EngineNames {
    /** What verify checks when no engine is named. */
    static final List<String> SQL_ENGINES = List.of("duckdb", "postgres", "h2", "oracle-h2");
    /** Every engine a user may name. */
    static final List<String> ALL = Stream.concat(SQL_ENGINES.stream(), Engines.PROVIDED.keySet().stream().sorted()).toList();

    private EngineNames() {}

    /** {@code run --engine}: reference, or an engine {@link #canonical} accepts. */
    static String forRun(String name) {
        if (name.strip().equalsIgnoreCase("reference")) {
            return "reference";
        }
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (!lower.equals("oracle") && !ALL.contains(lower)) {
            List<String> valid = new ArrayList<>(List.of("reference"));
            valid.addAll(ALL);
            throw new UserInputException("funnelql run: unknown engine '" + name + "'; valid engines: "
                    + String.join(", ", valid) + " (oracle-h2 is H2 in Oracle mode, not a real Oracle)"
                    + Suggestions.didYouMean(name, valid));
        }
        return canonical(name);
    }

    static String canonical(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        String canonical = lower.equals("oracle") ? "oracle-h2" : lower;
        if (!ALL.contains(canonical)) {
            throw new UserInputException("funnelql: unknown engine '" + name + "'; valid engines: "
                    + String.join(", ", ALL) + " (oracle-h2 is H2 in Oracle mode, not a real Oracle)"
                    + Suggestions.didYouMean(name, ALL));
        }
        return canonical;
    }
}
