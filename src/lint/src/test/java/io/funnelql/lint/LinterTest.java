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

import static io.funnelql.lint.LintFixture.codes;
import static io.funnelql.lint.LintFixture.lint;
import static io.funnelql.lint.LintFixture.located;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the linter does for every rule: cutting a file into statements, parsing PostgreSQL syntax
 * at its positions, reporting what cannot be parsed, the settings (schema) and the reports. Each
 * rule's own tests are in {@code rules/}, one class per rule.
 */
class LinterTest {
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
    void sarifDescribesTheNewRulesWithTheirLevelAndPage() {
        // A step window measured from the previous step: FQL004, a note.
        LintReport report = lint("""
                SELECT v.user_id, c.ts, p.ts FROM events v
                JOIN events c ON c.user_id = v.user_id AND c.ts > v.ts AND c.ts <= v.ts + INTERVAL '1' HOUR
                JOIN events p ON p.user_id = c.user_id AND p.ts > c.ts AND p.ts <= c.ts + INTERVAL '1' HOUR
                """);
        String sarif = ReportWriter.sarif(report, "test");
        assertThat(sarif).contains("\"id\": \"FQL004\"", "\"name\": \"window-anchor-drift\"", "\"level\": \"note\"",
                "docs/lint/FQL004.md", "\"id\": \"FQL006\"", "\"id\": \"FQL007\"", "\"id\": \"FQL010\"",
                "\"ruleId\": \"FQL004\"");
        assertThat(ReportWriter.text(report)).contains("q.sql:3:60: info: FQL004 window-anchor-drift:");
    }

    @Test
    void aStatementThatDoesNotParseStillGetsTheChecksThatNeedNoParseTree() {
        // Uncompiled dbt is not read: FQL000, and the division and the buckets are still checked on the tokens.
        LintReport report = lint("""
                SELECT day, COUNT(b) / COUNT(a) AS rate, tags[1:2] AS first_tags,
                  CASE WHEN d BETWEEN 0 AND 7 THEN 'w1' WHEN d BETWEEN 7 AND 14 THEN 'w2' END AS bucket
                FROM {{ ref('t') }} GROUP BY day, tags, d
                """);
        assertThat(located(report)).containsExactly("FQL009@1:24", "FQL006@2:46", "FQL000@3:6");
        assertThat(report.findings().get(0).message()).endsWith("(read from the tokens: this statement does not parse)");
        assertThat(report.findings().get(0).suggestion()).contains("NULLIF(COUNT(a), 0)");
    }

    @Test
    void theQueriesInsideMergeAndPivotAreLinted() {
        assertThat(located(lint("""
                MERGE INTO summary t
                USING (SELECT c.day, SUM(x) / COUNT(c.y) AS r FROM conversions c GROUP BY c.day) s
                ON (t.day = s.day)
                WHEN MATCHED THEN UPDATE SET t.r = s.r
                """, TargetDialect.ORACLE))).containsExactly("FQL009@2:31");
        assertThat(located(lint("""
                SELECT * FROM (SELECT day, kind, SUM(n) / COUNT(m) AS r FROM t GROUP BY day, kind)
                PIVOT (SUM(r) FOR kind IN ('a' AS a, 'b' AS b))
                """, TargetDialect.ORACLE))).containsExactly("FQL009@1:43");
    }
}
