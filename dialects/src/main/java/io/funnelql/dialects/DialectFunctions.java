package io.funnelql.dialects;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlWriter;

/** The one place a dialect subclass hands FunnelQL's portable functions their target spelling. */
final class DialectFunctions {
    private DialectFunctions() {}

    /** Renders the call when it is a portable function; false leaves it to Calcite. */
    static boolean render(TargetDialect target, SqlWriter writer, SqlCall call) {
        if (call.getOperator() instanceof PortableFunction function) {
            function.render(target, writer, call);
            return true;
        }
        return false;
    }
}
