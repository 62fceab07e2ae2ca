package io.funnelql.lint.rules;

import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import static io.funnelql.lint.LintFixture.codes;
import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static org.assertj.core.api.Assertions.assertThat;
import io.funnelql.dialects.TargetDialect;

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

    @Test
    void aJoinIntoDisjointRangesPerKeyMatchesAtMostOneRow() {
        // Sessions run until the next session of the user starts: an event is in one session at most.
        String sessions = """
                WITH s AS (
                  SELECT user_id, session_id, started_at,
                         LEAD(started_at) OVER (PARTITION BY user_id ORDER BY started_at, session_id) AS next_start
                  FROM sessions)
                SELECT s.session_id, COUNT(*) FROM events e JOIN s ON s.user_id = e.user_id
                """;
        assertThat(codes(lint(sessions + " AND e.ts >= s.started_at AND e.ts < s.next_start GROUP BY 1"))).isEmpty();
        assertThat(codes(lint(sessions + " AND e.ts >= s.started_at AND (e.ts < s.next_start OR s.next_start IS NULL)"
                + " GROUP BY 1"))).isEmpty();
        assertThat(codes(lint(sessions + " AND e.ts > s.started_at AND e.ts <= COALESCE(s.next_start, now()) GROUP BY 1")))
                .isEmpty();
        // Closed at both ends, an event at the instant a session starts is in two sessions.
        assertThat(codes(lint(sessions + " AND e.ts BETWEEN s.started_at AND s.next_start GROUP BY 1")))
                .containsExactly("FQL001");
        // Without the user equated, the ranges of other users match too.
        assertThat(codes(lint(sessions.replace("ON s.user_id = e.user_id", "ON true")
                + " AND e.ts >= s.started_at AND e.ts < s.next_start GROUP BY 1"))).containsExactly("FQL001");
    }

    @Test
    void anAsofJoinAndARowExpansionDoNotFanOut() {
        assertThat(codes(lint("SELECT COUNT(*) FROM orders o ASOF JOIN rates r ON r.cur = o.cur AND o.ts >= r.ts",
                TargetDialect.DUCKDB))).isEmpty();
        assertThat(codes(lint("SELECT v, COUNT(*) FROM exposures e, unnest(e.variants) AS u(v) GROUP BY 1"))).isEmpty();
    }

    @Test
    void aRecursiveMembersJoinWithItsOwnRowsIsTheRecursion() {
        assertThat(codes(lint("""
                CREATE TABLE users (user_id bigint PRIMARY KEY, referred_by bigint);
                WITH RECURSIVE chain AS (
                  SELECT user_id, user_id AS root_id FROM users WHERE referred_by IS NULL
                  UNION ALL
                  SELECT u.user_id, c.root_id FROM users u JOIN chain c ON u.referred_by = c.user_id)
                SELECT root_id, COUNT(*) FROM chain GROUP BY root_id
                """))).isEmpty();
    }

    @Test
    void aCountComparedWithZeroTestsForAMatchAndIsNotMultiplied() {
        assertThat(codes(lint("""
                SELECT a.user_id, CASE WHEN COUNT(x.id) > 0 THEN 'excluded' ELSE 'kept' END
                FROM attempts a LEFT JOIN events x ON x.user_id = a.user_id GROUP BY a.user_id
                """))).isEmpty();
        assertThat(codes(lint("""
                SELECT a.user_id, COUNT(x.id) AS n
                FROM attempts a LEFT JOIN events x ON x.user_id = a.user_id GROUP BY a.user_id HAVING COUNT(x.id) > 0
                """))).containsExactly("FQL001");
    }

    @Test
    void aRowNumberMakesItsPartitionUniqueAndTheFirstRowKeepsOnePerKey() {
        // Numbered entries are unique on (user, number): joining the next entry by its number matches one row.
        assertThat(codes(lint("""
                WITH n AS (SELECT user_id, ts, ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts, id) AS k FROM events)
                SELECT COUNT(*) FROM n a JOIN n b ON b.user_id = a.user_id AND b.k = a.k + 1
                """))).isEmpty();
        // The first touch per user is one row per user, whatever the join before it repeated.
        assertThat(codes(lint("""
                WITH firsts AS (
                  SELECT user_id, channel FROM (
                    SELECT t.user_id, c.channel,
                           ROW_NUMBER() OVER (PARTITION BY t.user_id ORDER BY t.ts, t.id) AS rn
                    FROM touches t JOIN campaigns c ON c.code = t.code) x
                  WHERE rn = 1)
                SELECT f.channel, COUNT(*) FROM users u JOIN firsts f ON f.user_id = u.user_id GROUP BY 1
                """))).doesNotContain("FQL001");
        assertThat(codes(lint("""
                SELECT COUNT(*) FROM users u JOIN (SELECT user_id, channel FROM touches
                  QUALIFY ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY ts, id) = 1) f ON f.user_id = u.user_id
                """, TargetDialect.DUCKDB))).isEmpty();
    }
}
