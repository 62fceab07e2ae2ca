package io.funnelql.lint.rules;

import io.funnelql.lint.model.JoinStep;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.RelationUse;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * FQL005: a self-join of an event relation (a step joined to an earlier step of the same table,
 * view or CTE) whose conditions bound the later step's time from below only, or not at all when
 * the relation is a --schema source with a time column.
 */
public final class UnboundedStepJoin implements Rule {
    static final RuleInfo INFO = new RuleInfo("FQL005", "unbounded-step-join", Severity.WARNING,
            "A step self-join with a lower time bound and no upper bound matches every later event of the key.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** "later > earlier" was written: the condition that says so. */
    private record Order(RelationUse later, RelationUse earlier, SqlNode at) {}

    @Override
    public void check(LintContext context) {
        for (SelectBlock block : context.blocks()) {
            List<Order> orders = new ArrayList<>();
            for (SqlNode term : block.conditionTerms()) {
                orders.addAll(orders(term, block));
            }
            for (JoinStep step : block.joins()) {
                for (RelationUse right : step.right()) {
                    for (RelationUse left : step.left()) {
                        if (left.shape().origin().isEmpty() || !left.shape().origin().equals(right.shape().origin())) {
                            continue;
                        }
                        check(context, step, left, right, orders);
                    }
                }
            }
        }
    }

    private static void check(LintContext context, JoinStep step, RelationUse a, RelationUse b, List<Order> orders) {
        Optional<Order> aAfterB = orders.stream().filter(o -> o.later() == a && o.earlier() == b).findFirst();
        Optional<Order> bAfterA = orders.stream().filter(o -> o.later() == b && o.earlier() == a).findFirst();
        if (aAfterB.isPresent() != bAfterA.isPresent()) {
            Order lower = aAfterB.orElseGet(bAfterA::get);
            String time = Nodes.columns(lower.at()).stream().map(Nodes::lastName).findFirst().orElse("ts");
            context.report(INFO, lower.at(), "this bounds step " + lower.later().alias() + " of "
                    + lower.later().shape().origin().get() + " from below only: every later event of the key matches "
                    + lower.earlier().alias() + ", however late, which repeats rows and ignores the funnel's window."
                    + " Add an upper bound, such as " + lower.later().alias() + "." + time + " <= "
                    + lower.earlier().alias() + "." + time + " + INTERVAL '1' HOUR.");
        } else if (aAfterB.isEmpty() && step.keys().stream().anyMatch(k -> k.right().relation() == b
                && k.left().relation() == a) && b.shape().timeColumn().isPresent()) {
            String time = b.shape().timeColumn().get();
            context.report(INFO, step.anchor(), "the self-join of " + a.display() + " and " + b.display()
                    + " has no time bound at all: every event of the key matches every other. Bound "
                    + b.alias() + "." + time + " from below and above, such as " + b.alias() + "." + time + " > "
                    + a.alias() + "." + time + " AND " + b.alias() + "." + time + " <= " + a.alias() + "." + time
                    + " + INTERVAL '1' HOUR.");
        }
    }

    private static List<Order> orders(SqlNode term, SelectBlock block) {
        List<Order> orders = new ArrayList<>();
        SqlKind kind = term.getKind();
        if (kind == SqlKind.BETWEEN && term instanceof SqlCall call && !isNegated(call)) {
            Optional<RelationUse> value = side(call.operand(0), block);
            Optional<RelationUse> low = side(call.operand(1), block);
            Optional<RelationUse> high = side(call.operand(2), block);
            if (value.isPresent() && low.isPresent() && value.get() != low.get()) {
                orders.add(new Order(value.get(), low.get(), term));
            }
            if (value.isPresent() && high.isPresent() && value.get() != high.get()) {
                orders.add(new Order(high.get(), value.get(), term));
            }
            return orders;
        }
        boolean greater = kind == SqlKind.GREATER_THAN || kind == SqlKind.GREATER_THAN_OR_EQUAL;
        boolean less = kind == SqlKind.LESS_THAN || kind == SqlKind.LESS_THAN_OR_EQUAL;
        if (!greater && !less) {
            return orders;
        }
        SqlCall call = (SqlCall) term;
        SqlNode big = greater ? call.operand(0) : call.operand(1);
        SqlNode small = greater ? call.operand(1) : call.operand(0);
        Optional<RelationUse> bigSide = side(big, block);
        Optional<RelationUse> smallSide = side(small, block);
        if (bigSide.isPresent() && smallSide.isPresent() && bigSide.get() != smallSide.get()) {
            orders.add(new Order(bigSide.get(), smallSide.get(), term));
            return orders;
        }
        // x.t - y.t > c  (or DATEDIFF(unit, y.t, x.t) > c): a difference compared with a constant.
        Optional<RelationUse[]> bigDifference = difference(big, block);
        if (bigDifference.isPresent() && side(small, block).isEmpty()) {
            orders.add(new Order(bigDifference.get()[0], bigDifference.get()[1], term));
        }
        Optional<RelationUse[]> smallDifference = difference(small, block);
        if (smallDifference.isPresent() && side(big, block).isEmpty()) {
            orders.add(new Order(smallDifference.get()[1], smallDifference.get()[0], term));
        }
        return orders;
    }

    private static boolean isNegated(SqlCall call) {
        return call.getOperator().getName().toUpperCase(java.util.Locale.ROOT).contains("NOT");
    }

    /** {plus, minus} of {@code plus - minus} or of a date-difference function's (start, end) arguments. */
    private static Optional<RelationUse[]> difference(SqlNode node, SelectBlock block) {
        if (!(node instanceof SqlCall call) || node instanceof org.apache.calcite.sql.SqlNodeList) {
            return Optional.empty();
        }
        if (node.getKind() == SqlKind.MINUS) {
            Optional<RelationUse> plus = side(call.operand(0), block);
            Optional<RelationUse> minus = side(call.operand(1), block);
            if (plus.isPresent() && minus.isPresent() && plus.get() != minus.get()) {
                return Optional.of(new RelationUse[] {plus.get(), minus.get()});
            }
            return Optional.empty();
        }
        List<SqlNode> arguments = Nodes.children(call).stream().filter(n -> !(n instanceof SqlLiteral)).toList();
        if (arguments.size() >= 2 && Nodes.name(call).contains("DIFF")) {
            Optional<RelationUse> start = side(arguments.get(arguments.size() - 2), block);
            Optional<RelationUse> end = side(arguments.get(arguments.size() - 1), block);
            if (start.isPresent() && end.isPresent() && start.get() != end.get()) {
                return Optional.of(new RelationUse[] {end.get(), start.get()});
            }
        }
        return Optional.empty();
    }

    /** The one relation an expression's columns come from. */
    private static Optional<RelationUse> side(SqlNode expression, SelectBlock block) {
        Set<RelationUse> relations = new HashSet<>();
        boolean[] unresolved = {false};
        Nodes.columns(expression).forEach(column -> {
            Optional<io.funnelql.lint.model.ColumnRef> ref = block.resolve(column);
            if (ref.isPresent()) {
                relations.add(ref.get().relation());
            } else {
                unresolved[0] = true;
            }
        });
        return relations.size() == 1 && !unresolved[0] ? Optional.of(relations.iterator().next()) : Optional.empty();
    }
}
