package io.funnelql.lint.rules;

import io.funnelql.lint.report.RuleInfo;

/**
 * One lint rule: a code, a name, a severity, and a check over one parsed statement. The rules are
 * the classes this interface permits, in code order; {@link Rules#all()} reads them from here. A
 * rule that can tell something from tokens alone also checks the statements that do not parse.
 */
public sealed interface Rule permits FanOutAggregate, DistinctHidesFanOut, MissingTenantGuard, WindowAnchorDrift,
        UnboundedStepJoin, BoundaryDoubleCount, NonSargableJoinKey, NondeterministicOrdering, UnsafeRatio,
        RetentionPivotJoins {
    RuleInfo info();

    void check(LintContext context);

    /**
     * The part of the check that needs no parse tree, run on the tokens of a statement that could
     * not be parsed (which is reported as FQL000 too): nothing, unless the rule can tell from tokens.
     */
    default void checkTokens(TokenContext context) {}
}
