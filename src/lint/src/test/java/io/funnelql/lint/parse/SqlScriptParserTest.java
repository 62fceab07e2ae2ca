package io.funnelql.lint.parse;

import io.funnelql.lint.LintSettings;
import io.funnelql.lint.Linter;
import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import io.funnelql.lint.model.Nodes;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlSelect;

/** Cutting a file into statements and parsing each: the work is linear in the file's size. */
class SqlScriptParserTest {
    /** A dashboard file of {@code count} statements of a few shapes, as a scheduled job would accumulate them. */
    static String generated(int count) {
        StringBuilder sql = new StringBuilder("-- generated: daily funnel snapshots\n");
        for (int i = 0; i < count; i++) {
            switch (i % 4) {
                case 0 -> sql.append("INSERT INTO funnel_daily (day, views, plays)\nSELECT date_trunc('day', v.ts)::date, ")
                        .append("COUNT(*), COUNT(p.id)\nFROM views v LEFT JOIN plays p ON p.user_id = v.user_id\n")
                        .append("  AND p.ts > v.ts AND p.ts <= v.ts + INTERVAL '30 min'\nWHERE v.ts >= DATE '2024-01-01' + ")
                        .append(i % 365).append("\nGROUP BY 1;\n");
                case 1 -> sql.append("SELECT account_id, COUNT(*) FILTER (WHERE props ->> 'plan' = 'pro') AS pro_")
                        .append(i).append("\nFROM events WHERE ts > now() - '7 days'::interval GROUP BY 1;\n");
                case 2 -> sql.append("CREATE MATERIALIZED VIEW mv_").append(i)
                        .append(" AS\nSELECT user_id, MIN(ts) AS first_seen FROM events GROUP BY user_id WITH NO DATA;\n");
                default -> sql.append("REFRESH MATERIALIZED VIEW mv_").append(i - 1).append(";\n");
            }
        }
        return sql.toString();
    }

    @Test
    void eachStatementIsParsedFromItsOwnTextSoTheWorkGrowsLinearly() {
        // The parser used to hand Babel the whole file up to each statement (blanked), which made a
        // 2 MB file take minutes: the characters it parsed grew with the square of the file's size.
        for (int count : new int[] {400, 4000}) {
            SqlFile file = SqlFile.of("big.sql", generated(count));
            SqlScriptParser parser = new SqlScriptParser();
            ParsedFile parsed = parser.parse(file);
            assertThat(parsed.problems()).isEmpty();
            assertThat(parsed.statements()).hasSize(count - count / 4);
            assertThat(parser.charactersParsed()).as("characters handed to Babel for %d statements", count)
                    .isLessThanOrEqualTo(file.text().length() * 5L / 4);
        }
    }

    @Test
    void aLargeFileIsLintedInSeconds() {
        // A generous bound (the measured figure is in docs/lint/README.md): the quadratic parser took
        // over four seconds for a tenth of this.
        SqlFile file = SqlFile.of("big.sql", generated(8000));
        assertThat(file.text().length()).isGreaterThan(1_000_000);
        long start = System.nanoTime();
        LintReport report = new Linter(LintSettings.defaults()).lint(List.of(file));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(report.hasSyntaxErrors()).isFalse();
        assertThat(seconds).isLessThan(60);
    }

    @Test
    void positionsInsideARewriteCoverTheTokensAsWritten() {
        SqlFile file = SqlFile.of("q.sql", "SELECT 1;\n  SELECT ts + INTERVAL '2 weeks' AS later FROM t");
        ParsedFile parsed = new SqlScriptParser().parse(file);
        SqlStatement.Query query = (SqlStatement.Query) parsed.statements().get(1);
        assertThat(query.positions().text()).contains("INTERVAL '14' DAY");
        var select = (SqlSelect) query.query();
        var plus = ((SqlCall) select.getSelectList().get(0)).operand(0);
        PositionMap.Region region = query.positions().region(Nodes.span(plus));
        assertThat(file.text().substring(region.start(), region.end() + 1)).isEqualTo("ts + INTERVAL '2 weeks'");
        assertThat(file.lineOf(region.start())).isEqualTo(2);
        assertThat(file.columnOf(region.start())).isEqualTo(10);
    }
}
