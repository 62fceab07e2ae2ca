package io.funnelql.dialects;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;

/** Calcite's PostgresqlSqlDialect with FunnelQL's rendering rules (docs/dialects.md). */
public final class PostgresDialect extends PostgresqlSqlDialect {
    public PostgresDialect() {
        super(PostgresqlSqlDialect.DEFAULT_CONTEXT);
    }

    @Override
    public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
        if (!DialectFunctions.render(TargetDialect.POSTGRES, writer, call)) {
            super.unparseCall(writer, call, leftPrec, rightPrec);
        }
    }

    /** Calcite would fold an aggregate into the window or aggregate above it, which the engine rejects. */
    @Override
    public boolean supportsNestedAggregations() {
        return false;
    }

    /** One spelling on every target: conditional aggregates are written with CASE. */
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
