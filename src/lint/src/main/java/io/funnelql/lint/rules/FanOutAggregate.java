package io.funnelql.lint.rules;

import io.funnelql.lint.model.FanOut;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNumericLiteral;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FQL001: COUNT, SUM or AVG over a join in which neither side is provably unique on the join
 * keys, directly or through a CTE or sub-query that joined without grouping afterwards. A COUNT
 * compared with 0 or 1 ({@code COUNT(x) > 0}) tests whether there is a match, which repeated rows do
 * not change, and is not reported.
 */
public final class FanOutAggregate implements Rule {
    static final RuleInfo INFO = new RuleInfo("FQL001", "fan-out-aggregate", Severity.ERROR,
            "COUNT, SUM or AVG over a join where neither side is unique on the join keys counts rows once per match.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext context) {
        Set<FanOut> reported = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SelectBlock block : context.blocks()) {
            List<SqlCall> aggregates = countingAggregates(block, false);
            if (aggregates.isEmpty()) {
                continue;
            }
            List<FanOut> fanOuts = new ArrayList<>(block.fanOuts());
            fanOuts.addAll(block.inheritedFanOuts());
            for (FanOut fanOut : fanOuts) {
                if (reported.add(fanOut)) {
                    context.report(INFO, fanOut.at(), Nodes.name(aggregates.get(0))
                            + " counts the rows of the join of " + fanOut.describe()
                            + ", and neither side is unique on the join keys, so each row is counted once per match."
                            + " Aggregate each side to the key first (GROUP BY in a CTE), or join a relation that is"
                            + " unique on the key (declare it with PRIMARY KEY or a --schema source).");
                }
            }
        }
    }

    /** The COUNT/SUM/AVG calls of a SELECT's list and HAVING, with or without DISTINCT. */
    static List<SqlCall> countingAggregates(SelectBlock block, boolean distinct) {
        List<SqlCall> found = new ArrayList<>();
        List<SqlNode> places = new ArrayList<>(Nodes.children(block.select().getSelectList()));
        if (block.select().getHaving() != null) {
            places.add(block.select().getHaving());
        }
        Set<SqlCall> existence = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SqlNode place : places) {
            Nodes.walkExpression(place, node -> existenceTest(node).ifPresent(existence::add));
        }
        for (SqlNode place : places) {
            for (SqlCall call : Nodes.countingAggregates(place, true)) {
                if (Nodes.isDistinct(call) == distinct && !existence.contains(call)) {
                    found.add(call);
                }
            }
        }
        return found;
    }

    /**
     * The COUNT of {@code COUNT(x) > 0}, {@code COUNT(x) >= 1}, {@code COUNT(x) = 0}, {@code COUNT(x) <> 0}:
     * whether there is a match, which a join that repeats rows does not change.
     */
    private static Optional<SqlCall> existenceTest(SqlNode node) {
        if (!(node instanceof SqlBasicCall call) || call.operandCount() != 2) {
            return Optional.empty();
        }
        SqlKind kind = node.getKind();
        if (!(call.operand(0) instanceof SqlCall count) || !Nodes.name(count).equals("COUNT")
                || !(call.operand(1) instanceof SqlNumericLiteral literal)) {
            return Optional.empty();
        }
        String value = literal.toValue();
        boolean test = ("0".equals(value) && (kind == SqlKind.GREATER_THAN || kind == SqlKind.EQUALS
                || kind == SqlKind.NOT_EQUALS)) || ("1".equals(value) && (kind == SqlKind.GREATER_THAN_OR_EQUAL
                || kind == SqlKind.LESS_THAN));
        return test ? Optional.of(count) : Optional.empty();
    }
}
