package io.funnelql.lint.rules;

import io.funnelql.lint.model.JoinStep;
import io.funnelql.lint.model.Nodes;
import io.funnelql.lint.model.RelationUse;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.model.TimeBound;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;

import java.util.List;

/**
 * FQL005: a self-join of an event relation (a step joined to an earlier step of the same table,
 * view or CTE) whose conditions bound the later step's time from below only, or not at all when
 * the relation is a --schema source with a time column. An upper bound relative to a third
 * relation counts ({@code p.ts > c.ts AND p.ts <= v.ts + INTERVAL '1' HOUR}: the window of the entry),
 * and so does an equality of the two times' periods ({@code DATE(p.ts) = DATE(v.ts)}, two DATE columns
 * {@code p.day = v.day}), which bounds the step to the anchor's day on both sides.
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
        List<TimeBound> between = orders.stream()
                .filter(o -> (o.step() == a && o.anchor() == b) || (o.step() == b && o.anchor() == a)).toList();
        if (between.stream().anyMatch(o -> o.kind() == TimeBound.Kind.SAME_PERIOD)) {
            return; // the same day (week, hour…): bounded on both sides by the period
        }
        boolean aLater = between.stream().anyMatch(o -> o.later() == a);
        boolean bLater = between.stream().anyMatch(o -> o.later() == b);
        if (aLater != bLater) {
            // One direction only between the two; the step may still be bounded on the other side
            // through a third relation (p.ts > c.ts AND p.ts <= v.ts + INTERVAL '1' HOUR).
            for (TimeBound bound : between) {
                TimeBound.Kind other = bound.kind() == TimeBound.Kind.AFTER ? TimeBound.Kind.WITHIN : TimeBound.Kind.AFTER;
                if (orders.stream().noneMatch(o -> (o.step() == bound.step() && o.kind() == other)
                        || (o.kind() == TimeBound.Kind.SAME_PERIOD
                                && (o.step() == bound.step() || o.anchor() == bound.step())))) {
                    report(context, bound);
                    return;
                }
            }
        } else if (between.isEmpty() && step.keys().stream().anyMatch(k -> k.right().relation() == b
                && k.left().relation() == a) && b.shape().timeColumn().isPresent()) {
            String time = b.shape().timeColumn().get();
            context.report(INFO, step.anchor(), "the self-join of " + a.display() + " and " + b.display()
                    + " has no time bound at all: every event of the key matches every other. Bound "
                    + b.alias() + "." + time + " from below and above, such as " + b.alias() + "." + time + " > "
                    + a.alias() + "." + time + " AND " + b.alias() + "." + time + " <= " + a.alias() + "." + time
                    + " + INTERVAL '1' HOUR.", b.alias() + "." + time + " > " + a.alias() + "." + time + " AND "
                    + b.alias() + "." + time + " <= " + a.alias() + "." + time + " + INTERVAL '1' HOUR");
        }
    }

    private static void report(LintContext context, TimeBound bound) {
        String time = Nodes.columns(bound.at()).stream().map(Nodes::lastName).findFirst().orElse("ts");
        String step = bound.step().alias();
        String anchor = bound.anchor().alias();
        if (bound.kind() == TimeBound.Kind.AFTER) {
            context.report(INFO, bound.at(), "this bounds step " + step + " of " + bound.step().shape().origin().get()
                    + " from below only: every later event of the key matches " + anchor + ", however late, which"
                    + " repeats rows and ignores the funnel's window. Add an upper bound, such as " + step + "." + time
                    + " <= " + anchor + "." + time + " + INTERVAL '1' HOUR.",
                    step + "." + time + " <= " + anchor + "." + time + " + INTERVAL '1' HOUR");
        } else {
            context.report(INFO, bound.at(), "this bounds step " + step + " of " + bound.step().shape().origin().get()
                    + " from above only: every earlier event of the key matches " + anchor + ", however early, which"
                    + " repeats rows and lets the step come before the one it follows. Add a lower bound, such as "
                    + step + "." + time + " > " + anchor + "." + time + ".", step + "." + time + " > " + anchor + "." + time);
        }
    }
}
