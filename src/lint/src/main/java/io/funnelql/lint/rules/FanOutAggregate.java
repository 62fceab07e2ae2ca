package io.funnelql.lint.rules;

import io.funnelql.lint.model.FanOut;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * FQL001: COUNT, SUM or AVG over a join in which neither side is provably unique on the join
 * keys, directly or through a CTE or sub-query that joined without grouping afterwards.
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
        for (SqlNode place : places) {
            for (SqlCall call : Nodes.countingAggregates(place, true)) {
                if (Nodes.isDistinct(call) == distinct) {
                    found.add(call);
                }
            }
        }
        return found;
    }
}
