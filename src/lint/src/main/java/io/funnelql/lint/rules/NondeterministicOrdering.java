package io.funnelql.lint.rules;

import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWindow;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * FQL008: ROW_NUMBER, LAG, LEAD, FIRST_VALUE, LAST_VALUE or NTH_VALUE ordered by a single time
 * column (or by nothing): rows of one partition with the same time come in whatever order the
 * engine reads them. A column is a time column when a --schema source says so, or by its name
 * ({@code ts}, {@code *_at}, {@code *_time}, {@code *_date}, …).
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
        if (columns.size() != 1 || !isTime(columns.get(0), block)) {
            return;
        }
        String column = Nodes.lastName(columns.get(0));
        context.report(INFO, order.get(0), Nodes.name(function) + " is ordered by " + column + " alone: two rows"
                + " of a partition with the same " + column + " come in whatever order the engine reads them, so"
                + " the result changes from run to run. Add a tie-breaker, such as the event id, after " + column + ".");
    }

    private static boolean isTime(SqlIdentifier column, SelectBlock block) {
        var ref = block.resolve(column);
        if (ref.isPresent() && ref.get().relation().shape().timeColumn().isPresent()) {
            return ref.get().relation().shape().timeColumn().get().equals(ref.get().column());
        }
        return TIME_NAME.matcher(Nodes.lastName(column)).matches();
    }
}
