package io.funnelql.lint.rules;

import io.funnelql.lint.report.RuleInfo;

/** One lint rule: a code, a name, a severity, and a check over one parsed statement. */
public interface Rule {
    RuleInfo info();

    void check(LintContext context);
}
