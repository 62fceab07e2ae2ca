package io.funnelql.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written query timed next to the generated SQL. Its first line names the FunnelQL query
 * whose reference counts it must return ({@code -- agrees with query: NAME}). An expert baseline
 * is what a careful analyst writes for that query: the yardstick the generated SQL must match;
 * the others are the naive shapes people also write.
 */
public record Baseline(String name, String sql, String agreesWith, boolean expert) {
    private static final Pattern AGREES = Pattern.compile("--\\s*agrees with query:\\s*(\\w+)");

    static Baseline naive(String name, String text) {
        return of(name, text, false);
    }

    static Baseline expert(String name, String text) {
        return of(name, text, true);
    }

    private static Baseline of(String name, String text, boolean expert) {
        Matcher matcher = AGREES.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("baseline '" + name + "' does not say which query it agrees with");
        }
        return new Baseline(name, Statements.withoutTerminator(text), matcher.group(1), expert);
    }
}
