package io.funnelql.lint.rules;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static org.assertj.core.api.Assertions.assertThat;

/** FQL009 unsafe-ratio ({@link UnsafeRatio}): what it finds, where, and what it leaves alone. */
class UnsafeRatioTest {
    @Test
    void ratiosOfCountsNeedNullIfAndMustNotTruncate() {
        assertThat(located(lint("""
                SELECT COUNT(b) / COUNT(a),
                       100.0 * COUNT(b) / NULLIF(COUNT(a), 0),
                       COUNT(b) / NULLIF(COUNT(a), 0),
                       COUNT(b)::numeric / NULLIF(COUNT(a), 0),
                       SUM(CASE WHEN s = 2 THEN 1 ELSE 0 END) / COUNT(*),
                       AVG(x) / 2
                FROM t GROUP BY y
                """))).containsExactly("FQL009@1:19", "FQL009@3:8", "FQL009@5:8");
        // Without GROUP BY, COUNT(*) is zero on an empty input; DuckDB divides integers exactly.
        LintReport duckdb = lint("SELECT COUNT(b) / COUNT(*), COUNT(b) / NULLIF(COUNT(*), 0) FROM t", TargetDialect.DUCKDB);
        assertThat(located(duckdb)).containsExactly("FQL009@1:19");
        assertThat(duckdb.findings().get(0).message()).contains("DuckDB returns NULL");
    }

    @Test
    void aDenominatorThatCannotBeZeroNeedsNoGuard() {
        assertThat(located(lint("""
                WITH per_user AS (SELECT user_id, COUNT(*) AS sessions, SUM(pages) AS pages FROM s GROUP BY user_id)
                SELECT SUM(pages) / (COUNT(*) + 1)::float,
                       SUM(pages) / GREATEST(COUNT(user_id), 1),
                       SUM(pages)::float / SUM(sessions),
                       COUNT(*)::float / (SUM(sessions) + COUNT(*)),
                       SUM(pages) / COALESCE(COUNT(user_id), 0),
                       SUM(pages) / (COUNT(user_id) - 1)
                FROM per_user
                """))).containsExactly("FQL009@6:21", "FQL009@7:22");
    }
}
