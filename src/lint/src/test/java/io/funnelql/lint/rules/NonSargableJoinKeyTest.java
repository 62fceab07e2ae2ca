package io.funnelql.lint.rules;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import static io.funnelql.lint.LintFixture.codes;
import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static io.funnelql.lint.LintFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

/** FQL007 non-sargable-join-key ({@link NonSargableJoinKey}): what it finds, where, and what it leaves alone. */
class NonSargableJoinKeyTest {
    @Test
    void aCastOrFunctionOnAJoinKeyOrARangeColumnIsNotSargable() {
        LintReport dates = lint("SELECT i.id FROM impressions i JOIN plays p ON p.user_id = i.user_id AND DATE(p.ts) = DATE(i.ts)");
        assertThat(located(dates)).containsExactly("FQL007@1:74");
        assertThat(message(dates, "FQL007")).startsWith("DATE(p.ts) and DATE(i.ts) wrap p.ts and i.ts in this join condition")
                .contains("p.ts >= DATE(i.ts) AND p.ts < DATE(i.ts) + INTERVAL '1' DAY");
        LintReport cast = lint("SELECT a.x FROM a JOIN b ON CAST(a.user_id AS TEXT) = b.user_id");
        assertThat(located(cast)).containsExactly("FQL007@1:29");
        assertThat(message(cast, "FQL007")).contains("wraps a.user_id", "The keys have different types");
        LintReport range = lint("""
                SELECT * FROM events WHERE kind = 'play' AND ts::timestamp BETWEEN '2024-01-01' AND '2024-02-01'
                """);
        assertThat(located(range)).containsExactly("FQL007@1:46");
        assertThat(message(range, "FQL007")).startsWith("ts::timestamp wraps ts in this range condition")
                .contains("Compare the raw ts with the other side transformed instead");
        assertThat(message(lint("SELECT * FROM cohort c JOIN activity a ON a.user_id = c.user_id"
                + " AND date_trunc('week', a.ts) = c.week"), "FQL007"))
                .contains("a.ts >= c.week AND a.ts < c.week + INTERVAL '7' DAY");
    }

    @Test
    void aFunctionOfAConstantOrOfTheOtherSideOfARawColumnIsSargable() {
        assertThat(codes(lint("""
                SELECT * FROM impressions i JOIN plays p
                  ON p.user_id = i.user_id
                 AND p.ts >= CAST(i.ts AS DATE) AND p.ts < CAST(i.ts AS DATE) + INTERVAL '1' DAY
                 AND p.ts <= i.ts + INTERVAL '1 hour'
                WHERE i.ts >= '2024-01-01'::date AND i.ts < now() - INTERVAL '7 days'
                  AND i.ts >= CAST('2024-01-01' AS TIMESTAMP)
                """))).isEmpty();
        // An equality with a constant is neither a join nor a range condition.
        assertThat(codes(lint("SELECT * FROM events WHERE DATE(ts) = DATE '2024-01-01' AND lower(email) = 'a@b.c'")))
                .isEmpty();
        assertThat(codes("""
                SELECT * FROM events e
                WHERE e.ts >= TO_DATE('2024-01-01', 'YYYY-MM-DD') AND e.ts < TRUNC(SYSDATE) + 1
                """, TargetDialect.ORACLE)).isEmpty();
        assertThat(codes("SELECT * FROM a JOIN b ON b.ts > date_add(a.ts, INTERVAL 1 DAY)", TargetDialect.DUCKDB)).isEmpty();
    }

    @Test
    void nonSargableKeysInOracleAndDuckDbSyntax() {
        assertThat(codes("""
                SELECT * FROM events e WHERE TRUNC(e.ts) BETWEEN DATE '2024-01-01' AND DATE '2024-01-31'
                """, TargetDialect.ORACLE)).containsExactly("FQL007");
        assertThat(message(lint("""
                SELECT i.id FROM impressions i JOIN plays p ON p.user_id = i.user_id AND TRUNC(p.ts, 'IW') = TRUNC(i.ts, 'IW')
                """, TargetDialect.ORACLE), "FQL007")).contains("+ INTERVAL '7' DAY");
        assertThat(codes("""
                SELECT * FROM events WHERE event_name = 'play' AND ts::DATE >= DATE '2024-01-01'
                """, TargetDialect.DUCKDB)).containsExactly("FQL007");
        assertThat(codes("""
                SELECT * FROM cohort c JOIN weekly w ON w.user_id = c.user_id AND w.week = time_bucket(INTERVAL '1 week', c.ts)
                """, TargetDialect.DUCKDB)).containsExactly("FQL007");
    }

    @Test
    void theSuggestedRangeQuotesAnIntervalAsWritten() {
        // The fix used to be cut where the parser's rewrite of '2 weeks' ended: "INTERVAL '2 week".
        LintReport report = lint("""
                SELECT COUNT(*) FROM cohort c JOIN activity a ON a.user_id = c.user_id
                 AND DATE(a.ts) = DATE(c.ts + INTERVAL '2 weeks')
                """);
        assertThat(located(report)).contains("FQL007@2:6");
        assertThat(report.findings().stream().filter(f -> f.rule().code().equals("FQL007")).findFirst().orElseThrow()
                .suggestion()).contains("a.ts >= DATE(c.ts + INTERVAL '2 weeks') AND a.ts < DATE(c.ts + INTERVAL '2 weeks')"
                        + " + INTERVAL '1' DAY");
        assertThat(message(lint("""
                SELECT * FROM cohort c JOIN weekly w ON w.user_id = c.user_id
                 AND w.week = time_bucket(INTERVAL '2 weeks', c.ts)
                """, TargetDialect.DUCKDB), "FQL007")).contains("time_bucket(INTERVAL '2 weeks', c.ts) wraps c.ts");
    }
}
