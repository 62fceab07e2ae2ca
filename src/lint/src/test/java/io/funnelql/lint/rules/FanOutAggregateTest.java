package io.funnelql.lint.rules;

import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import static io.funnelql.lint.LintFixture.codes;
import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static org.assertj.core.api.Assertions.assertThat;

/** FQL001 fan-out-aggregate ({@link FanOutAggregate}): what it finds, where, and what it leaves alone. */
class FanOutAggregateTest {
    @Test
    void aColumnEquatedToAnExpressionOfTheOtherSideIsBound() {
        // weekly is unique on (user_id, week), and a1.week = c.week + 1 binds week: one row per cohort row.
        assertThat(codes(lint("""
                WITH weekly AS (SELECT DISTINCT user_id, week FROM activity)
                SELECT c.week, COUNT(a1.user_id) FROM cohort c
                LEFT JOIN weekly a1 ON a1.user_id = c.user_id AND a1.week = c.week + 1
                GROUP BY c.week
                """))).isEmpty();
        assertThat(codes(lint("""
                WITH weekly AS (SELECT DISTINCT user_id, week FROM activity)
                SELECT c.week, COUNT(a1.user_id) FROM cohort c
                LEFT JOIN weekly a1 ON a1.user_id = c.user_id AND a1.week >= c.week + 1
                GROUP BY c.week
                """))).containsExactly("FQL001");
    }

    @Test
    void keysComeFromGroupByDistinctPrimaryKeysAndEarlierViews() {
        assertThat(codes(lint("""
                WITH per_user AS (SELECT user_id, COUNT(*) AS n FROM plays GROUP BY user_id)
                SELECT SUM(p.n) FROM impressions i JOIN per_user p ON p.user_id = i.user_id;
                """))).isEmpty();
        assertThat(codes(lint("""
                SELECT COUNT(*) FROM impressions i
                JOIN (SELECT DISTINCT user_id FROM plays) p ON p.user_id = i.user_id;
                """))).isEmpty();
        assertThat(codes(lint("""
                CREATE TABLE users (user_id BIGINT PRIMARY KEY, plan VARCHAR(10));
                SELECT u.plan, COUNT(*) FROM impressions i JOIN users u ON u.user_id = i.user_id GROUP BY u.plan;
                """))).isEmpty();
        assertThat(codes(lint("""
                CREATE TABLE accounts (account_id INT, user_id INT, plan TEXT, PRIMARY KEY (account_id, user_id));
                SELECT COUNT(*) FROM impressions i JOIN accounts a ON a.user_id = i.user_id;
                """))).containsExactly("FQL001");
        assertThat(codes(lint("""
                CREATE VIEW first_play AS SELECT user_id, MIN(ts) AS ts FROM plays GROUP BY user_id;
                SELECT COUNT(*) FROM impressions i JOIN first_play f ON f.user_id = i.user_id;
                """))).isEmpty();
    }

    @Test
    void aJoinMultipliedInACteIsFoundWhenTheOuterQueryCounts() {
        LintReport report = lint("""
                WITH pairs AS (
                  SELECT i.campaign_id, p.ts FROM impressions i JOIN plays p ON p.user_id = i.user_id
                )
                SELECT campaign_id, COUNT(*) FROM pairs GROUP BY campaign_id;
                """);
        assertThat(located(report)).containsExactly("FQL001@2:65");
        assertThat(report.findings().get(0).message()).contains("impressions i and plays p on i.user_id = p.user_id");
    }
}
