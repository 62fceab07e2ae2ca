package io.funnelql.lint.rules;

import io.funnelql.lint.model.JoinStep;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.RelationUse;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.model.TimeBound;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;

import java.util.List;
import java.util.Optional;

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

    @Override
    public void check(LintContext context) {
        for (SelectBlock block : context.blocks()) {
            List<TimeBound> orders = block.timeBounds();
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

    private static void check(LintContext context, JoinStep step, RelationUse a, RelationUse b, List<TimeBound> orders) {
        Optional<TimeBound> aAfterB = orders.stream().filter(o -> o.later() == a && o.earlier() == b).findFirst();
        Optional<TimeBound> bAfterA = orders.stream().filter(o -> o.later() == b && o.earlier() == a).findFirst();
        if (aAfterB.isPresent() != bAfterA.isPresent()) {
            TimeBound lower = aAfterB.orElseGet(bAfterA::get);
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
}
