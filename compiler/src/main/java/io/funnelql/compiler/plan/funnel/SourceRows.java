package io.funnelql.compiler.plan.funnel;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A step's rows that are a table's own columns filtered by a condition ({@code SELECT a AS x, b AS y
 * FROM t WHERE c}): a stage may join the table itself and test the condition after the join, so
 * the SQL reads as an analyst writes it, without a subquery that only renames columns.
 *
 * @param table the table scanned
 * @param condition the filter, over the table's columns
 * @param columns for each column of the rows, its index in the table
 */
record SourceRows(RelNode table, RexNode condition, List<Integer> columns) {
    /** The rows' shape when it is a projection of columns over a filtered table scan, else null. */
    static SourceRows of(RelNode rows) {
        if (!(rows instanceof Project project) || !(project.getInput() instanceof Filter filter)
                || !(filter.getInput() instanceof TableScan table)) {
            return null;
        }
        List<Integer> columns = new ArrayList<>();
        for (RexNode expression : project.getProjects()) {
            if (!(expression instanceof RexInputRef column)) {
                return null;
            }
            columns.add(column.getIndex());
        }
        return new SourceRows(table, filter.getCondition(), List.copyOf(columns));
    }
}
