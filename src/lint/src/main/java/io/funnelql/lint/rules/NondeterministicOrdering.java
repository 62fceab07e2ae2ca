package io.funnelql.lint.rules;

import io.funnelql.lint.model.ColumnRef;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.Values;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWindow;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * FQL008: ROW_NUMBER, LAG, LEAD, FIRST_VALUE, LAST_VALUE or NTH_VALUE ordered by a single time
 * column (or by nothing): rows of one partition with the same time come in whatever order the
 * engine reads them. A column is a time column by its role or type: a --schema source's time
 * column, a temporal column of a CREATE TABLE, a CTE column computed from a time; only a column of
 * which nothing is known is judged by its name ({@code ts}, {@code *_at}, {@code *_time}, …). An
 * order that is unique within the partition (the partition and the column are a unique key of the
 * relation, as after a GROUP BY) has no ties and is not reported.
 */
public final class NondeterministicOrdering implements Rule {
    static final RuleInfo INFO = new RuleInfo("FQL008", "nondeterministic-ordering", Severity.WARNING,
            "ROW_NUMBER/LAG/LEAD/FIRST_VALUE ordered by time alone: ties are numbered differently from run to run.");

    private static final Set<String> ORDER_SENSITIVE = Set.of("ROW_NUMBER", "LAG", "LEAD", "FIRST_VALUE",
            "LAST_VALUE", "NTH_VALUE");
    private static final Pattern TIME_NAME = Pattern.compile(
            "(ts|time|timestamp|date|datetime|day|hour|minute|second)|.*_(at|ts|time|timestamp|date|day)|.*time.*");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext context) {
        for (SelectBlock block : context.blocks()) {
            Nodes.walkExpression(block.select().getSelectList(), node -> check(context, block, node));
        }
    }

    private static void check(LintContext context, SelectBlock block, SqlNode node) {
        if (node.getKind() != SqlKind.OVER) {
            return;
        }
        SqlCall over = (SqlCall) node;
        if (!(over.operand(0) instanceof SqlCall function) || !ORDER_SENSITIVE.contains(Nodes.name(function))
                || !(over.operand(1) instanceof SqlWindow window)) {
            return;
        }
        List<SqlNode> order = Nodes.children(window.getOrderList());
        if (order.isEmpty()) {
            context.report(INFO, node, Nodes.name(function) + " has no ORDER BY: the rows of a partition come in"
                    + " whatever order the engine reads them. Order by time and a tie-breaker such as the event id.");
            return;
        }
        if (order.size() != 1) {
            return;
        }
        SqlNode key = order.get(0);
        while (key.getKind() == SqlKind.DESCENDING || key.getKind() == SqlKind.NULLS_FIRST
                || key.getKind() == SqlKind.NULLS_LAST) {
            key = ((SqlCall) key).operand(0);
        }
        List<SqlIdentifier> columns = Nodes.columns(key);
        if (columns.size() != 1 || !isTime(key, columns.get(0), block) || uniqueInPartition(window, columns.get(0), block)) {
            return;
        }
        String column = Nodes.lastName(columns.get(0));
        context.report(INFO, order.get(0), Nodes.name(function) + " is ordered by " + column + " alone: two rows"
                + " of a partition with the same " + column + " come in whatever order the engine reads them, so"
                + " the result changes from run to run. Add a tie-breaker, such as the event id, after " + column + ".");
    }

    /**
     * Whether the ordering key holds a time: by the column's declared type or role (a --schema time
     * column, a TIMESTAMP or DATE column of a CREATE TABLE, a CTE column computed from a time), or
     * an expression of a time; only when nothing is known of the column, by its name.
     */
    private static boolean isTime(SqlNode key, SqlIdentifier column, SelectBlock block) {
        var ref = block.resolve(column);
        if (ref.isPresent()) {
            var relation = ref.get().relation().shape();
            Optional<Boolean> temporal = relation.temporal(ref.get().column());
            if (temporal.isPresent()) {
                return temporal.get();
            }
            if (relation.timeColumn().isPresent()) {
                return false; // the source names its time column, and this is another one
            }
        }
        if (key != column && Values.temporal(key, block)) {
            return true;
        }
        return TIME_NAME.matcher(Nodes.lastName(column)).matches();
    }

    /** Whether the partition's columns and the ordering column are a unique key of their relation: no ties. */
    private static boolean uniqueInPartition(SqlWindow window, SqlIdentifier column, SelectBlock block) {
        Optional<ColumnRef> order = block.resolve(column);
        if (order.isEmpty()) {
            return false;
        }
        Set<String> key = new HashSet<>();
        key.add(order.get().column());
        for (SqlNode partition : Nodes.children(window.getPartitionList())) {
            Optional<ColumnRef> ref = block.resolve(partition);
            if (ref.isEmpty() || ref.get().relation() != order.get().relation()) {
                return false;
            }
            key.add(ref.get().column());
        }
        return order.get().relation().shape().uniqueOn(key);
    }
}
