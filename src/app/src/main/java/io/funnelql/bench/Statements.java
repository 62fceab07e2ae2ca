package io.funnelql.bench;

import io.funnelql.dialects.TargetDialect;
import org.apache.calcite.sql.SqlDialect;

import java.util.List;

/** SQL text as the benchmark sends it. */
final class Statements {
    private Statements() {}

    /** JDBC takes one statement without the trailing semicolon. */
    static String withoutTerminator(String sql) {
        String text = sql.strip();
        return text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
    }

    /**
     * A big result reduced in the engine to its fingerprint (its number of rows, then each
     * column's number of non-NULL values), so the timing is the query's, not the transfer's. A
     * bare row count would let the engine skip work the result needs: PostgreSQL drops a LEFT
     * JOIN whose columns nothing reads, DuckDB the aggregates nothing reads. Counting each
     * column's values makes every engine compute every column, as a user's query does.
     */
    static String fingerprint(String sql, List<String> columns, TargetDialect target) {
        SqlDialect dialect = target.sqlDialect();
        StringBuilder select = new StringBuilder("SELECT COUNT(*) AS ").append(dialect.quoteIdentifier("rows"));
        for (int i = 0; i < columns.size(); i++) {
            select.append(", COUNT(").append(dialect.quoteIdentifier(columns.get(i))).append(") AS ")
                    .append(dialect.quoteIdentifier("values_" + (i + 1)));
        }
        return select + "\nFROM (\n" + withoutTerminator(sql) + "\n) " + dialect.quoteIdentifier("result");
    }
}
