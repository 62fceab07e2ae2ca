package io.funnelql.lint.model;

import org.apache.calcite.sql.JoinType;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlNode;

import java.util.List;

/**
 * One join of a FROM clause, read left-deep: the relations joined so far, the relations joined to
 * them, the join's own conditions (ON, and for inner joins the WHERE terms that link both sides)
 * and the column pairs those conditions equate.
 */
public record JoinStep(
        SqlJoin join,
        JoinType type,
        List<RelationUse> left,
        List<RelationUse> right,
        List<SqlNode> conditions,
        List<KeyPair> keys) {

    public JoinStep {
        left = List.copyOf(left);
        right = List.copyOf(right);
        conditions = List.copyOf(conditions);
        keys = List.copyOf(keys);
    }

    /** A column of the left side equated to a column of the right side. */
    public record KeyPair(ColumnRef left, ColumnRef right) {}

    /** The node a finding about this join points at: its condition, or the joined relation. */
    public SqlNode anchor() {
        return join.getCondition() != null ? join.getCondition() : join.getRight();
    }
}
