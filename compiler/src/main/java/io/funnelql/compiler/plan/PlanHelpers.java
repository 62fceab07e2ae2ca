package io.funnelql.compiler.plan;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Query;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.tools.RelBuilder;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** Small expression shapes every planner uses, spelled once. */
public final class PlanHelpers {
    private PlanHelpers() {}

    public static RexNode number(RelBuilder b, long value) {
        return b.literal(BigDecimal.valueOf(value));
    }

    /** {@code CASE WHEN condition THEN value END}: NULL otherwise, for MIN/MAX over matching rows. */
    public static RexNode when(RelBuilder b, RexNode condition, RexNode value) {
        return b.call(SqlStdOperatorTable.CASE, condition, value,
                b.getRexBuilder().makeNullLiteral(value.getType()));
    }

    /** {@code CASE WHEN condition THEN 1 ELSE 0 END}. */
    public static RexNode flag(RelBuilder b, RexNode condition) {
        return b.call(SqlStdOperatorTable.CASE, condition, number(b, 1), number(b, 0));
    }

    /**
     * {@code CAST(value AS BIGINT)}, always written out (never folded into a literal): a walk's
     * counters, orders and times must have one type in its anchor and in its step, and an engine
     * types {@code 0} or {@code NULL} as something else.
     */
    public static RexNode bigint(RelBuilder b, RexNode value) {
        RelDataTypeFactory types = b.getTypeFactory();
        return b.getRexBuilder().makeAbstractCast(
                types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), true), value, false);
    }

    /** A BIGINT NULL, written {@code CAST(NULL AS BIGINT)}. */
    public static RexNode nullBigint(RelBuilder b) {
        RelDataTypeFactory types = b.getTypeFactory();
        return bigint(b, b.getRexBuilder().makeNullLiteral(types.createTypeWithNullability(types.createSqlType(SqlTypeName.BIGINT), true)));
    }

    /**
     * A NULL without a type, written {@code NULL}: for a UNION ALL branch that has no value for a
     * column, which every engine types from the other branch. (A typed NULL is written as a CAST,
     * and Oracle rejects {@code CAST(NULL AS VARCHAR)} without a length.)
     */
    public static RexNode untypedNull(RelBuilder b) {
        return b.getRexBuilder().makeNullLiteral(b.getTypeFactory().createSqlType(SqlTypeName.NULL));
    }

    /** Whether a 0/1 flag column is set. */
    public static RexNode isSet(RelBuilder b, RexNode flag) {
        return b.equals(flag, number(b, 1));
    }

    /** Equality of the named key columns between the two inputs of a join being built. */
    public static List<RexNode> keysEqual(RelBuilder b, List<String> keys) {
        List<RexNode> conditions = new ArrayList<>();
        for (String key : keys) {
            conditions.add(b.equals(b.field(2, 0, key), b.field(2, 1, key)));
        }
        return conditions;
    }

    /** Appends the key columns (named {@code key_…} inside the plan) under the query's own column names, for a report. */
    public static void addReportKeys(RelBuilder b, Query query, List<String> keys, List<RexNode> fields, List<String> names) {
        List<Column> columns = query.partitionKey();
        for (int i = 0; i < keys.size(); i++) {
            fields.add(b.field(keys.get(i)));
            names.add(columns.get(i).name().value());
        }
    }
}
