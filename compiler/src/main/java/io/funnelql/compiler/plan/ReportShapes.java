package io.funnelql.compiler.plan;

import io.funnelql.dialects.PortableFunctions;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

import static io.funnelql.compiler.plan.PlanHelpers.number;

/**
 * The report statistics, computed exactly as the reference's Statistics class does, in integer
 * arithmetic where rounding matters so every engine gives the same digits.
 */
public final class ReportShapes {
    private ReportShapes() {}

    /** {@code 100 * part / whole} rounded half-up to 2 decimals, NULL when whole is 0 or NULL: floor((20000 part + whole) / (2 whole)) / 100. */
    public static RexNode percent(RelBuilder b, RexNode part, RexNode whole) {
        RexNode numerator = b.call(SqlStdOperatorTable.PLUS, b.call(SqlStdOperatorTable.MULTIPLY, number(b, 20000), part), whole);
        // NULLIF: a quotient by NULL is NULL on every engine, which is the report's value for a whole of 0.
        RexNode denominator = b.call(SqlStdOperatorTable.NULLIF, b.call(SqlStdOperatorTable.MULTIPLY, number(b, 2), whole),
                number(b, 0));
        RexNode hundredths = b.call(PortableFunctions.INTEGER_QUOTIENT, numerator, denominator);
        return b.call(SqlStdOperatorTable.DIVIDE, toDouble(b, hundredths), b.literal(100.0d));
    }

    /** An integer count of microseconds divided by another count, rounded half-up to a microsecond, as seconds. */
    public static RexNode averageSeconds(RelBuilder b, RexNode totalMicros, RexNode count) {
        RexNode numerator = b.call(SqlStdOperatorTable.PLUS, b.call(SqlStdOperatorTable.MULTIPLY, number(b, 2), totalMicros), count);
        RexNode denominator = b.call(SqlStdOperatorTable.MULTIPLY, number(b, 2), count);
        return b.call(SqlStdOperatorTable.CASE, b.equals(count, number(b, 0)), nullDouble(b),
                b.call(SqlStdOperatorTable.DIVIDE, toDouble(b, b.call(PortableFunctions.INTEGER_QUOTIENT, numerator, denominator)),
                        b.literal(1_000_000.0d)));
    }

    /**
     * A whole number of microseconds (a difference of two times) as seconds, divided as it is:
     * rounding it half-up like {@link #seconds} would, past 2^52, round {@code x + 0.5} itself to
     * even in double precision, one microsecond up (a session of 143 years, found by the
     * differential suite).
     */
    public static RexNode wholeMicrosAsSeconds(RelBuilder b, RexNode micros) {
        return b.call(SqlStdOperatorTable.DIVIDE, toDouble(b, micros), b.literal(1_000_000.0d));
    }

    /**
     * Microseconds that may be fractional (a percentile between two times) as seconds rounded
     * half-up to the microsecond. Calcite types a percentile like its sort key, so the caller,
     * not the type, says which of the two a value is.
     */
    public static RexNode seconds(RelBuilder b, RexNode micros) {
        RexNode rounded = b.call(SqlStdOperatorTable.FLOOR, b.call(SqlStdOperatorTable.PLUS, toDouble(b, micros), b.literal(0.5d)));
        return b.call(SqlStdOperatorTable.DIVIDE, toDouble(b, rounded), b.literal(1_000_000.0d));
    }

    public static RexNode toDouble(RelBuilder b, RexNode value) {
        RelDataTypeFactory types = b.getTypeFactory();
        return b.getRexBuilder().makeCast(types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), true), value);
    }

    private static RexNode nullDouble(RelBuilder b) {
        RelDataTypeFactory types = b.getTypeFactory();
        return b.getRexBuilder().makeNullLiteral(types.createTypeWithNullability(types.createSqlType(SqlTypeName.DOUBLE), true));
    }
}
