package io.funnelql.lint.rules;

import io.funnelql.lint.report.RuleInfo;

/**
 * One lint rule: a code, a name, a severity, and a check over one parsed statement. The rules are
 * the classes this interface permits, in code order; {@link Rules#all()} reads them from here.
 */
public sealed interface Rule permits FanOutAggregate, DistinctHidesFanOut, MissingTenantGuard, WindowAnchorDrift,
        UnboundedStepJoin, BoundaryDoubleCount, NonSargableJoinKey, NondeterministicOrdering, UnsafeRatio,
        RetentionPivotJoins {
    RuleInfo info();

    void check(LintContext context);
}
