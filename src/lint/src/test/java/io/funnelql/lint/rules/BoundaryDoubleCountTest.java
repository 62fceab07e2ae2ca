package io.funnelql.lint.rules;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import static io.funnelql.lint.LintFixture.codes;
import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static io.funnelql.lint.LintFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

/** FQL006 boundary-double-count ({@link BoundaryDoubleCount}): what it finds, where, and what it leaves alone. */
class BoundaryDoubleCountTest {
    @Test
    void adjacentClosedRangesCountTheSharedEndTwice() {
        LintReport filters = lint("""
                SELECT COUNT(*) FILTER (WHERE days BETWEEN 0 AND 7) AS first_week,
                       COUNT(*) FILTER (WHERE days BETWEEN 7 AND 14) AS second_week,
                       COUNT(*) FILTER (WHERE days BETWEEN 14 AND 30) AS rest
                FROM conversions
                """, TargetDialect.DUCKDB);
        assertThat(located(filters)).containsExactly("FQL006@2:31", "FQL006@3:31");
        assertThat(message(filters, "FQL006")).contains("this range of days includes its start 7, and the range on"
                + " line 1 includes it as its end", "counted twice", "half-open");
        LintReport buckets = lint("""
                SELECT CASE WHEN days >= 0 AND days <= 7 THEN 'week 1'
                            WHEN days >= 7 AND days <= 14 THEN 'week 2' END AS bucket, COUNT(*)
                FROM conversions GROUP BY 1
                """);
        assertThat(located(buckets)).containsExactly("FQL006@2:18");
        assertThat(message(buckets, "FQL006")).contains("the first matching WHEN wins", "one unit wider");
        // Half-open ranges tile; integer ranges that do not meet do not overlap; two values are two values.
        assertThat(codes(lint("""
                SELECT COUNT(CASE WHEN days >= 0 AND days < 7 THEN 1 END),
                       COUNT(CASE WHEN days >= 7 AND days < 14 THEN 1 END),
                       COUNT(CASE WHEN days BETWEEN 14 AND 20 THEN 1 END),
                       COUNT(CASE WHEN days BETWEEN 21 AND 27 THEN 1 END),
                       COUNT(CASE WHEN hours BETWEEN 27 AND 40 THEN 1 END)
                FROM conversions
                """))).isEmpty();
    }

    @Test
    void adjacentClosedRangesAcrossJoinsAndCtes() {
        // Two joins of one relation: an event exactly 7 days after the cohort start is active in both weeks.
        assertThat(located(lint("""
                SELECT c.user_id, a1.ts, a2.ts FROM cohort c
                LEFT JOIN activity a1 ON a1.user_id = c.user_id AND a1.ts BETWEEN c.ts AND c.ts + INTERVAL '7' DAY
                LEFT JOIN activity a2
                  ON a2.user_id = c.user_id AND a2.ts BETWEEN c.ts + INTERVAL '7' DAY AND c.ts + INTERVAL '14' DAY
                """))).contains("FQL006@4:33");
        // Two CTEs over one table, the shared day written as a date literal once and as a string once.
        assertThat(located(lint("""
                WITH week_1 AS (SELECT user_id FROM events WHERE ts BETWEEN DATE '2024-01-01' AND DATE '2024-01-08'),
                     week_2 AS (SELECT user_id FROM events WHERE ts BETWEEN '2024-01-08' AND '2024-01-15')
                SELECT * FROM week_1 JOIN week_2 USING (user_id)
                """))).containsExactly("FQL006@2:50");
        assertThat(codes("""
                WITH last_week AS (SELECT user_id FROM events e WHERE e.ts BETWEEN TRUNC(SYSDATE) - 14 AND TRUNC(SYSDATE) - 7),
                     this_week AS (SELECT user_id FROM events e WHERE e.ts BETWEEN TRUNC(SYSDATE) - 7 AND TRUNC(SYSDATE))
                SELECT COUNT(*) FROM last_week
                """, TargetDialect.ORACLE)).containsExactly("FQL006");
        assertThat(codes("""
                WITH last_week AS (SELECT user_id FROM events e WHERE e.ts >= TRUNC(SYSDATE) - 14 AND e.ts < TRUNC(SYSDATE) - 7),
                     this_week AS (SELECT user_id FROM events e WHERE e.ts >= TRUNC(SYSDATE) - 7 AND e.ts < TRUNC(SYSDATE))
                SELECT COUNT(*) FROM last_week
                """, TargetDialect.ORACLE)).isEmpty();
    }
}
