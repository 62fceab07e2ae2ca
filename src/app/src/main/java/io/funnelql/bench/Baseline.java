package io.funnelql.bench;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hand-written query timed next to the generated SQL. Its first line names the FunnelQL query
 * whose reference counts it must return ({@code -- agrees with query: NAME}); a line {@code --
 * returns: rows} says it returns that query's result rows, which the bench reduces to the same
 * fingerprint as the generated SQL's, and {@code -- returns: row count} that it returns only the
 * number of result rows; without either it returns one row of counts (a steps report's). An
 * expert baseline is what a careful analyst writes for that query: the yardstick the generated
 * SQL must match; the others are the naive shapes people also write.
 */
public record Baseline(String name, String sql, String agreesWith, boolean expert, Returns returns) {
    private static final Pattern AGREES = Pattern.compile("--\\s*agrees with query:\\s*(\\w+)");
    private static final Pattern RETURNS = Pattern.compile("--\\s*returns:\\s*(rows|row count)\\s*$", Pattern.MULTILINE);

    /** What a baseline's SQL returns. */
    public enum Returns {
        /** One row: the counts of a steps report, in step order. */
        COUNTS,
        /** The query's result rows, with the generated SQL's column names. */
        ROWS,
        /** One row, one value: the number of the query's result rows. */
        ROW_COUNT
    }

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
        Matcher returns = RETURNS.matcher(text);
        Returns shape = !returns.find() ? Returns.COUNTS : returns.group(1).equals("rows") ? Returns.ROWS : Returns.ROW_COUNT;
        return new Baseline(name, Statements.withoutTerminator(text), matcher.group(1), expert, shape);
    }
}
