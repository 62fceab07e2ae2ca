package io.funnelql.lint.rules;

import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static org.assertj.core.api.Assertions.assertThat;

/** FQL002 distinct-hides-fan-out ({@link DistinctHidesFanOut}): what it finds, where, and what it leaves alone. */
class DistinctHidesFanOutTest {
    @Test
    void countDistinctOverAFanOutIsAWarning() {
        LintReport report = lint("SELECT COUNT(DISTINCT p.user_id) FROM impressions i JOIN plays p ON p.user_id = i.user_id");
        assertThat(located(report)).containsExactly("FQL002@1:8");
        assertThat(report.exitCode()).isZero();
    }
}
