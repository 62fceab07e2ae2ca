package io.funnelql.lint.rules;

import java.util.List;

/** Every rule, in code order. */
public final class Rules {
    private Rules() {}

    public static List<Rule> all() {
        return List.of(
                new FanOutAggregate(),
                new DistinctHidesFanOut(),
                new MissingTenantGuard(),
                new WindowAnchorDrift(),
                new UnboundedStepJoin(),
                new BoundaryDoubleCount(),
                new NonSargableJoinKey(),
                new NondeterministicOrdering(),
                new UnsafeRatio(),
                new RetentionPivotJoins());
    }
}
