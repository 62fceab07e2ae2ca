package io.funnelql.lint.rules;

import io.funnelql.lint.model.RelationUse;
import io.funnelql.lint.model.SelectBlock;
import io.funnelql.lint.model.TimeBound;
import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.report.Severity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * FQL004: a chain of step joins in which a step's window is measured from a previous step that has
 * a window of its own ({@code c.ts <= v.ts + 1 hour}, then {@code p.ts <= c.ts + 1 hour}) instead of
 * from the entry. The windows add up, so the last step can come as late as the sum of the windows
 * after the entry. That is right for "each step within an hour of the previous one", and wrong for
 * "the whole funnel within an hour", which is what a funnel usually means; the finding is
 * information and explains both readings. A window is an upper time bound of one relation relative
 * to another ({@link TimeBound.Kind#WITHIN}); a step measured from the entry as well is not reported.
 */
public final class WindowAnchorDrift implements Rule {
    static final RuleInfo INFO = new RuleInfo("FQL004", "window-anchor-drift", Severity.INFO,
            "A step's window measured from the previous step instead of the entry: the windows add up along the chain.");

    @Override
    public RuleInfo info() {
        return INFO;
    }

    /** Step {@code step}'s window is measured from {@code from}, whose own window is measured from {@code entry}. */
    private record Drift(TimeBound window, RelationUse step, RelationUse from, RelationUse entry) {}

    @Override
    public void check(LintContext context) {
        for (SelectBlock block : context.blocks()) {
            List<TimeBound> windows = block.timeBounds().stream().filter(b -> b.kind() == TimeBound.Kind.WITHIN).toList();
            List<Drift> drifts = new ArrayList<>();
            for (RelationUse step : block.relations()) {
                drift(step, windows).ifPresent(drifts::add);
            }
            if (drifts.isEmpty()) {
                continue;
            }
            Drift first = drifts.get(0);
            Set<String> others = new LinkedHashSet<>();
            for (Drift drift : drifts.subList(1, drifts.size())) {
                others.add(drift.step().alias() + " from " + drift.from().alias());
            }
            String step = first.step().alias();
            String entry = first.entry().alias();
            context.report(INFO, first.window().at(), "the window of step " + step + " is measured from "
                    + first.from().alias() + ", whose own window is measured from " + entry
                    + (others.isEmpty() ? "" : " (and so are " + String.join(", ", others) + ")")
                    + ": the windows add up, so " + step + " can come as late as both windows together after " + entry
                    + ". If each step must follow the previous one within the window, this is right. If the whole"
                    + " funnel must fit in the window of the entry, measure " + step + " from " + entry + " (an upper"
                    + " bound on " + step + "'s time relative to " + entry + "'s) and keep the bound from "
                    + first.from().alias() + " for the order only.");
        }
    }

    /** A window of {@code step} measured from a relation that has a window of its own, and no window from that one's anchor. */
    private static Optional<Drift> drift(RelationUse step, List<TimeBound> windows) {
        for (TimeBound window : windows) {
            if (window.step() != step) {
                continue;
            }
            RelationUse from = window.anchor();
            for (TimeBound previous : windows) {
                RelationUse entry = previous.anchor();
                if (previous.step() == from && entry != step && entry != from
                        && windows.stream().noneMatch(w -> w.step() == step && w.anchor() == entry)) {
                    return Optional.of(new Drift(window, step, from, entry));
                }
            }
        }
        return Optional.empty();
    }
}
