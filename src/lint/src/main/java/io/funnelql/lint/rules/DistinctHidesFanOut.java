package io.funnelql.lint.rules;

import io.funnelql.lint.model.FanOut;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;
import org.apache.calcite.sql.SqlCall;

import java.util.ArrayList;
import java.util.List;

/**
 * FQL002: COUNT(DISTINCT …) over a join that multiplies rows. The number is right, but the join
 * builds every matching pair before DISTINCT throws the repeats away.
 */
public final class DistinctHidesFanOut implements Rule {
    static final RuleInfo INFO = new RuleInfo("FQL002", "distinct-hides-fan-out", Severity.WARNING,
            "COUNT(DISTINCT) over a join that multiplies rows: right numbers, but every matching pair is built first.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(LintContext context) {
        for (SelectBlock block : context.blocks()) {
            List<SqlCall> distinct = FanOutAggregate.countingAggregates(block, true);
            List<FanOut> fanOuts = new ArrayList<>(block.fanOuts());
            fanOuts.addAll(block.inheritedFanOuts());
            if (distinct.isEmpty() || fanOuts.isEmpty()) {
                continue;
            }
            FanOut first = fanOuts.get(0);
            int line = context.line(first.at());
            context.report(INFO, distinct.get(0), "COUNT(DISTINCT …) removes the repeats made by the join of "
                    + first.describe() + " (line " + line + ")"
                    + (fanOuts.size() > 1 ? " and " + (fanOuts.size() - 1) + " more such join" + (fanOuts.size() > 2 ? "s" : "") : "")
                    + ", after the join has built every matching pair. Aggregate each side to the key first"
                    + " (one row per key), then join the aggregates.");
        }
    }
}
