package io.funnelql.bench;

/** SQL text as the benchmark sends it. */
final class Statements {
    private Statements() {}

    /** JDBC takes one statement without the trailing semicolon. */
    static String withoutTerminator(String sql) {
        String text = sql.strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    /** A big result reduced to its row count in the engine, so the timing is the query's, not the transfer's. */
    static String rowCount(String sql) {
        return "SELECT COUNT(*) AS \"rows\" FROM (\n" + withoutTerminator(sql) + "\n) AS \"result\"";
    }
}
