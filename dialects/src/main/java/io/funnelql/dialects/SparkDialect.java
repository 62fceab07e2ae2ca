package io.funnelql.dialects;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.SparkSqlDialect;

/**
 * Calcite's SparkSqlDialect (backquoted names, a backquote doubled inside) with FunnelQL's
 * rendering rules (docs/dialects.md, "Spark"). String constants never hold a quote or a backslash
 * literally: Spark reads a backslash in a literal as an escape unless
 * {@code spark.sql.parser.escapedStringLiterals} is on, so the same text could mean two strings
 * depending on a cluster's setting; {@code CHR(39)} and {@code CHR(92)} mean one in both.
 */
public final class SparkDialect extends SparkSqlDialect {
    public SparkDialect() {
        super(SparkSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        if (!DialectFunctions.render(TargetDialect.SPARK, writer, call)) {
            super.unparseCall(writer, call, leftPrec, rightPrec);
        }
    }

    /** Calcite would fold an aggregate into the window or aggregate above it. */
    @Override
    public boolean supportsNestedAggregations() {
        return false;
    }

    /** One spelling on every target: conditional aggregates are written with CASE. */
    @Override
    public boolean supportsAggregateFunctionFilter() {
        return false;
    }

    /** Unicode text as written; quotes and backslashes as CHR(n): see {@link StringLiterals}. */
    @Override
    public void quoteStringLiteral(StringBuilder buffer, String charsetName, String value) {
        StringLiterals.quoteWithoutQuotesOrBackslashes(buffer, value);
    }
}
