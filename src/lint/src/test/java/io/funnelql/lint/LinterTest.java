package io.funnelql.lint;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.report.Finding;
import io.funnelql.lint.report.LintReport;
import io.funnelql.lint.report.ReportWriter;
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
        var sources = SpecificationLoader.load(Path.of("../../examples/checkout.fql")).sources();
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

    private static LintReport lint(String sql, TargetDialect dialect) {
        return new Linter(new LintSettings(dialect, List.of(), Optional.empty())).lint(List.of(SqlFile.of("q.sql", sql)));
    }

    private static List<String> codes(String sql, TargetDialect dialect) {
        return codes(lint(sql, dialect));
    }

    private static String message(LintReport report, String code) {
        return report.findings().stream().filter(f -> f.rule().code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + located(report))).message();
    }

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

    @Test
    void sarifDescribesTheNewRulesWithTheirLevelAndPage() {
        LintReport report = lint(threeSteps("p.ts <= c.ts + INTERVAL '1' HOUR"));
        String sarif = ReportWriter.sarif(report, "test");
        assertThat(sarif).contains("\"id\": \"FQL004\"", "\"name\": \"window-anchor-drift\"", "\"level\": \"note\"",
                "docs/lint/FQL004.md", "\"id\": \"FQL006\"", "\"id\": \"FQL007\"", "\"id\": \"FQL010\"",
                "\"ruleId\": \"FQL004\"");
        assertThat(ReportWriter.text(report)).contains("q.sql:3:60: info: FQL004 window-anchor-drift:");
    }
}
