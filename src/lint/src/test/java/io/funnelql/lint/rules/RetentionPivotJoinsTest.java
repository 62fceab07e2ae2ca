package io.funnelql.lint.rules;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import static io.funnelql.lint.LintFixture.codes;
import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static io.funnelql.lint.LintFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

/** FQL010 retention-pivot-joins ({@link RetentionPivotJoins}): what it finds, where, and what it leaves alone. */
class RetentionPivotJoinsTest {
    @Test
    void oneJoinPerRetentionOffsetIsARepeatedPivot() {
        LintReport weeks = lint("""
                SELECT c.week, COUNT(DISTINCT c.user_id), COUNT(DISTINCT a1.user_id), COUNT(DISTINCT a2.user_id)
                FROM cohort c
                LEFT JOIN activity a1 ON a1.user_id = c.user_id AND a1.week = c.week + 1
                LEFT JOIN activity a2 ON a2.user_id = c.user_id AND a2.week = c.week + 2
                GROUP BY c.week
                """);
        assertThat(located(weeks)).containsExactly("FQL002@1:16", "FQL010@3:26");
        assertThat(message(weeks, "FQL010")).startsWith("activity is joined 2 times (a1, a2) with conditions that"
                + " differ only by a constant offset (+ 1; + 2)");
        // Counting the multiplied rows without DISTINCT is FQL001's error, at each join; FQL010 stays a warning.
        assertThat(codes(lint("""
                SELECT COUNT(*) FROM cohort c
                LEFT JOIN activity a0 ON a0.user_id = c.user_id AND a0.day = c.day
                LEFT JOIN activity a7 ON a7.user_id = c.user_id AND a7.day = c.day + INTERVAL '7 days'
                """))).containsExactly("FQL001", "FQL010", "FQL001");
        assertThat(codes("""
                SELECT c.cohort_day FROM cohort c
                LEFT JOIN activity a1 ON a1.user_id = c.user_id AND a1.day = date_add(c.cohort_day, INTERVAL 7 DAY)
                LEFT JOIN activity a2 ON a2.user_id = c.user_id AND a2.day = date_add(c.cohort_day, INTERVAL 14 DAY)
                """, TargetDialect.DUCKDB)).containsExactly("FQL010");
        assertThat(codes("""
                SELECT c.cohort_month FROM cohort c
                LEFT JOIN monthly m1 ON m1.user_id = c.user_id AND m1.month = ADD_MONTHS(c.cohort_month, 1)
                LEFT JOIN monthly m2 ON m2.user_id = c.user_id AND m2.month = ADD_MONTHS(c.cohort_month, 2)
                LEFT JOIN daily d7 ON d7.user_id = c.user_id AND d7.day = c.cohort_day + 7
                """, TargetDialect.ORACLE)).containsExactly("FQL010");
    }

    @Test
    void oneJoinPerRelationOrPerFunnelStepIsNoPivot() {
        assertThat(codes(lint("""
                SELECT c.week FROM cohort c
                LEFT JOIN activity a ON a.user_id = c.user_id AND a.week = c.week + 1
                LEFT JOIN purchases p ON p.user_id = c.user_id AND p.week = c.week + 2
                """))).isEmpty();
        // Funnel steps of one event table differ by more than an offset (their event names).
        assertThat(codes(lint("""
                SELECT v.user_id FROM events v
                JOIN events c ON c.user_id = v.user_id AND c.event_name = 'cart' AND c.ts > v.ts
                 AND c.ts <= v.ts + INTERVAL '1' HOUR
                JOIN events p ON p.user_id = v.user_id AND p.event_name = 'buy' AND p.ts > v.ts
                 AND p.ts <= v.ts + INTERVAL '2' HOUR
                """))).isEmpty();
    }
}
