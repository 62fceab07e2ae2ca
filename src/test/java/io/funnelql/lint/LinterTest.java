package io.funnelql.lint;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.report.Finding;
import io.funnelql.lint.report.LintReport;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class LinterTest {
    private static LintReport lint(String sql) {
        return lint(sql, Optional.empty());
    }

    private static LintReport lint(String sql, Optional<String> tenant) {
        return new Linter(new LintSettings(TargetDialect.POSTGRES, List.of(), tenant))
                .lint(List.of(SqlFile.of("q.sql", sql)));
    }

    private static List<String> codes(LintReport report) {
        return report.findings().stream().map(f -> f.rule().code()).toList();
    }

    private static List<String> located(LintReport report) {
        return report.findings().stream().map(f -> f.rule().code() + "@" + f.line() + ":" + f.column()).toList();
    }

    @Test
    void aBrokenStatementIsReportedWithWhatWasExpectedAndTheOthersAreStillLinted() {
        LintReport report = lint("""
                CREATE VIEW broken AS SELECT 1 FROM WHERE;
                SELECT COUNT(*) FROM impressions i JOIN plays p ON p.user_id = i.user_id;
                """);
        assertThat(located(report)).containsExactly("FQL000@1:37", "FQL001@2:52");
        assertThat(report.findings().get(0).message())
                .startsWith("cannot parse this statement: found 'WHERE'; expected one of '(', 'LATERAL'");
        assertThat(report.exitCode()).isEqualTo(2);
    }

    @Test
    void semicolonsInsideStringsAndCommentsDoNotEndAStatement() {
        LintReport report = lint("""
                -- a comment; with a semicolon
                SELECT COUNT(*) /* ; */ FROM impressions i
                JOIN plays p ON p.user_id = i.user_id AND p.kind <> ';'
                """);
        assertThat(located(report)).containsExactly("FQL001@3:17");
        assertThat(report.exitCode()).isEqualTo(1);
    }

    @Test
    void postgresIntervalsCastsAndViewHeadersParseAtTheirPositions() {
        LintReport report = lint("""
                CREATE OR REPLACE MATERIALIZED VIEW hourly AS
                SELECT date_trunc('hour', i.shown_at::timestamp) AS hour, COUNT(*) AS n
                FROM impressions i JOIN plays p
                  ON p.user_id = i.user_id AND p.ts < i.shown_at + INTERVAL '30 minutes'
                     AND p.ts > i.shown_at - '1 day'::interval
                GROUP BY 1;
                CREATE TABLE t AS SELECT * FROM hourly;
                INSERT INTO t (hour, n) SELECT hour, n FROM hourly;
                """);
        assertThat(codes(report)).containsExactly("FQL001");
        assertThat(report.findings().get(0).line()).isEqualTo(4);
        assertThat(report.findings().get(0).column()).isEqualTo(6);
    }

    @Test
    void aPostgresCastBindsToTheValueBeforeItAndNotToTheWholeCondition() {
        // Babel alone reads "p.user_id = i.user_id AND p.ts::timestamp > i.ts" as
        // "(p.user_id = i.user_id AND p.ts)::timestamp > i.ts", losing the join key, and cannot read
        // a cast on a BETWEEN's lower bound.
        LintReport report = lint("""
                SELECT COUNT(*) FROM impressions i JOIN plays p
                  ON p.user_id = i.user_id AND p.ts::timestamp > i.ts
                WHERE i.ts BETWEEN '2024-01-01'::date AND '2024-02-01'::date
                """);
        assertThat(codes(report)).doesNotContain("FQL000").contains("FQL001");
        assertThat(report.findings().stream().filter(f -> f.rule().code().equals("FQL001")).findFirst().orElseThrow()
                .message()).contains("on i.user_id = p.user_id");
    }

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
    void countDistinctOverAFanOutIsAWarning() {
        LintReport report = lint("SELECT COUNT(DISTINCT p.user_id) FROM impressions i JOIN plays p ON p.user_id = i.user_id");
        assertThat(located(report)).containsExactly("FQL002@1:8");
        assertThat(report.exitCode()).isZero();
    }

    @Test
    void theTenantGuardFollowsChainsOfEqualitiesAndTheWhereClause() {
        Optional<String> tenant = Optional.of("account_id");
        assertThat(codes(lint("SELECT a.x FROM a JOIN b ON b.user_id = a.user_id", tenant))).containsExactly("FQL003");
        assertThat(codes(lint("""
                SELECT a.x FROM a JOIN b ON b.user_id = a.user_id JOIN c ON c.user_id = b.user_id
                WHERE a.account_id = b.account_id AND c.account_id = b.account_id
                """, tenant))).isEmpty();
        assertThat(codes(lint("SELECT a.x FROM a, b WHERE b.user_id = a.user_id AND a.account_id = b.account_id", tenant)))
                .isEmpty();
        assertThat(codes(lint("SELECT a.x FROM a JOIN b USING (account_id, user_id)", tenant))).isEmpty();
        // Without --tenant-column nothing is known about a and b's columns but what the query names.
        assertThat(codes(lint("SELECT a.x FROM a JOIN b ON b.user_id = a.user_id"))).isEmpty();
    }

    @Test
    void theSchemaGivesColumnsTenantsTimeAndEventIdKeys() throws Exception {
        var sources = SpecificationLoader.load(Path.of("../examples/checkout.fql")).sources();
        Linter linter = new Linter(new LintSettings(TargetDialect.POSTGRES, sources, Optional.empty()));
        List<Finding> findings = linter.lint(List.of(SqlFile.of("q.sql", """
                SELECT COUNT(*) FROM app.events a
                JOIN events b ON b.user_id = a.user_id AND b.occurred_at > a.occurred_at;
                SELECT COUNT(*) FROM orders o
                JOIN app.events e ON e.account_id = o.account_id AND e.event_id = o.event_id;
                """))).findings();
        assertThat(findings).extracting(f -> f.rule().code() + "@" + f.line())
                .containsExactly("FQL001@2", "FQL003@2", "FQL005@2");
    }

    @Test
    void aStepSelfJoinNeedsBothTimeBounds() {
        String prefix = "SELECT a.user_id, b.ts FROM events a JOIN events b ON b.user_id = a.user_id AND ";
        assertThat(located(lint(prefix + "b.ts > a.ts"))).containsExactly("FQL005@1:81");
        assertThat(located(lint(prefix + "a.ts < b.ts"))).containsExactly("FQL005@1:81");
        assertThat(codes(lint(prefix + "b.ts - a.ts > INTERVAL '0' SECOND"))).containsExactly("FQL005");
        assertThat(codes(lint(prefix + "b.ts > a.ts AND b.ts <= a.ts + INTERVAL '1 hour'"))).isEmpty();
        assertThat(codes(lint(prefix + "b.ts BETWEEN a.ts AND a.ts + INTERVAL '1' HOUR"))).isEmpty();
        assertThat(codes(lint(prefix + "b.ts > a.ts AND b.ts - a.ts <= INTERVAL '1' HOUR"))).isEmpty();
        // Two different relations are not a step self-join.
        assertThat(codes(lint("SELECT a.x FROM views a JOIN clicks b ON b.user_id = a.user_id AND b.ts > a.ts"))).isEmpty();
        assertThat(lint(prefix + "b.ts > a.ts").findings().get(0).message())
                .contains("Add an upper bound, such as b.ts <= a.ts + INTERVAL '1' HOUR.");
    }

    @Test
    void windowFunctionsOrderedByTimeAloneNeedATieBreaker() {
        assertThat(located(lint("""
                SELECT ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY occurred_at DESC) AS n,
                       LAG(ts) OVER (PARTITION BY user_id ORDER BY ts, event_id) AS previous,
                       FIRST_VALUE(page) OVER (PARTITION BY session_id ORDER BY created_at) AS landing,
                       ROW_NUMBER() OVER (PARTITION BY user_id ORDER BY score) AS by_score,
                       RANK() OVER (PARTITION BY user_id ORDER BY ts) AS ranked
                FROM events
                """))).containsExactly("FQL008@1:57", "FQL008@3:65");
    }

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
        LintReport duckdb = new Linter(new LintSettings(TargetDialect.DUCKDB, List.of(), Optional.empty()))
                .lint(List.of(SqlFile.of("q.sql", "SELECT COUNT(b) / COUNT(*), COUNT(b) / NULLIF(COUNT(*), 0) FROM t")));
        assertThat(located(duckdb)).containsExactly("FQL009@1:19");
        assertThat(duckdb.findings().get(0).message()).contains("DuckDB returns NULL");
    }
}
