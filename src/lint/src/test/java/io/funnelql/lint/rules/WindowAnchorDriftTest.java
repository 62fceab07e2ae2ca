package io.funnelql.lint.rules;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import static io.funnelql.lint.LintFixture.codes;
import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static io.funnelql.lint.LintFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

/** FQL004 window-anchor-drift ({@link WindowAnchorDrift}): what it finds, where, and what it leaves alone. */
class WindowAnchorDriftTest {
    /** A three-step funnel whose purchase window is {@code window}; the cart is within an hour of the view. */
    private static String threeSteps(String window) {
        return """
                SELECT v.user_id, c.ts, p.ts FROM events v
                JOIN events c ON c.user_id = v.user_id AND c.ts > v.ts AND c.ts <= v.ts + INTERVAL '1' HOUR
                JOIN events p ON p.user_id = c.user_id AND p.ts > c.ts AND %s
                """.formatted(window);
    }

    @Test
    void aWindowMeasuredFromThePreviousStepDriftsFromTheEntry() {
        LintReport chained = lint(threeSteps("p.ts <= c.ts + INTERVAL '1' HOUR"));
        assertThat(located(chained)).containsExactly("FQL004@3:60");
        assertThat(chained.exitCode()).isZero();
        assertThat(message(chained, "FQL004")).contains("the window of step p is measured from c, whose own window is"
                        + " measured from v", "If each step must follow the previous one within the window, this is right",
                "measure p from v");
        // Measured from the entry, with the previous step for the order only: the reading most funnels mean.
        assertThat(codes(lint(threeSteps("p.ts <= v.ts + INTERVAL '1' HOUR")))).isEmpty();
        // Measured from both: the author has said what they meant.
        assertThat(codes(lint(threeSteps("p.ts <= c.ts + INTERVAL '10' MINUTE AND p.ts <= v.ts + INTERVAL '1' HOUR"))))
                .isEmpty();
        // Mixed: c and p from the entry, q from p.
        assertThat(located(lint("""
                SELECT v.user_id FROM events v
                JOIN events c ON c.user_id = v.user_id AND c.ts BETWEEN v.ts AND v.ts + INTERVAL '1' HOUR
                JOIN events p ON p.user_id = v.user_id AND p.ts BETWEEN v.ts AND v.ts + INTERVAL '1' HOUR
                JOIN events q ON q.user_id = v.user_id AND q.ts BETWEEN p.ts AND p.ts + INTERVAL '1' HOUR
                """))).containsExactly("FQL004@4:44");
        // Two relations with a window around each other, and windows without an upper bound, are no chain.
        assertThat(codes(lint("SELECT 1 FROM a JOIN b ON a.ts BETWEEN b.ts - INTERVAL '1' HOUR AND b.ts + INTERVAL '1' HOUR")))
                .isEmpty();
        assertThat(codes(lint(threeSteps("p.ts > c.ts")))).doesNotContain("FQL004");
    }

    @Test
    void windowDriftInOracleAndDuckDbSyntax() {
        assertThat(codes("""
                SELECT v.user_id FROM events v
                JOIN events c ON c.user_id = v.user_id AND c.ts > v.ts AND c.ts <= v.ts + 1/24
                JOIN events p ON p.user_id = c.user_id AND p.ts > c.ts AND p.ts <= c.ts + NUMTODSINTERVAL(1, 'HOUR')
                """, TargetDialect.ORACLE)).containsExactly("FQL004");
        assertThat(codes("""
                SELECT v.user_id FROM events v
                JOIN events c ON c.user_id = v.user_id AND c.ts BETWEEN v.ts AND v.ts + INTERVAL 1 HOUR
                JOIN events p ON p.user_id = c.user_id AND p.ts BETWEEN c.ts AND date_add(c.ts, INTERVAL 1 HOUR)
                """, TargetDialect.DUCKDB)).containsExactly("FQL004");
        assertThat(codes("""
                SELECT v.user_id FROM events v
                JOIN events c ON c.user_id = v.user_id AND c.ts - v.ts BETWEEN INTERVAL '0' SECOND AND INTERVAL '1' HOUR
                JOIN events p ON p.user_id = c.user_id AND p.ts - c.ts BETWEEN INTERVAL '0' SECOND AND INTERVAL '1' HOUR
                """, TargetDialect.DUCKDB)).containsExactly("FQL004");
    }
}
