package io.funnelql.compiler.plan;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.Query;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
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
