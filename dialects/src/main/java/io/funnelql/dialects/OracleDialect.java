package io.funnelql.dialects;

import org.apache.calcite.sql.SqlAbstractDateTimeLiteral;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.OracleSqlDialect;

/**
 * Calcite's OracleSqlDialect pinned to Oracle 19 (an unknown version renders TRUE as
 * {@code 1 = 1}), with ANSI datetime literals instead of TO_TIMESTAMP with a format, and
 * comparisons with {@code ''} written so that they answer as elsewhere ({@link OracleEmptyStrings}).
 */
public final class OracleDialect extends OracleSqlDialect {
    public OracleDialect() {
        super(OracleSqlDialect.DEFAULT_CONTEXT.withDatabaseMajorVersion(19));
    }

    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        if (!OracleEmptyStrings.render(writer, call, leftPrec, rightPrec)
                && !DialectFunctions.render(TargetDialect.ORACLE, writer, call)) {
            super.unparseCall(writer, call, leftPrec, rightPrec);
        }
    }

    @Override
    public void unparseDateTimeLiteral(SqlWriter writer, SqlAbstractDateTimeLiteral literal, int leftPrec, int rightPrec) {
        writer.literal(literal.toString());
    }

    @Override
    public boolean supportsNestedAggregations() {
        return false;
    }

    /** Oracle has no FILTER clause, whatever Calcite's base class claims. */
    @Override
    public boolean supportsAggregateFunctionFilter() {
        return false;
    }

    /** Unicode text as written, quotes doubled: see {@link StringLiterals}. */
    @Override
    public void quoteStringLiteral(StringBuilder buffer, String charsetName, String value) {
        StringLiterals.quote(buffer, value);
    }
}
