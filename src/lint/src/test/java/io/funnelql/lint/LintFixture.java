package io.funnelql.lint;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.parse.ParsedFile;
import io.funnelql.lint.parse.SqlScriptParser;
import io.funnelql.lint.report.Finding;
import io.funnelql.lint.report.LintReport;

import java.util.List;
import java.util.Optional;

/** Lints one SQL text as the file q.sql, without a schema, and reads the findings back: what every rule test shares. */
public final class LintFixture {
    private LintFixture() {}

    /** PostgreSQL, no tenant column. */
    public static LintReport lint(String sql) {
        return lint(sql, TargetDialect.POSTGRES, Optional.empty());
    }

    /** PostgreSQL, with {@code --tenant-column}. */
    public static LintReport lint(String sql, Optional<String> tenant) {
        return lint(sql, TargetDialect.POSTGRES, tenant);
    }

    public static LintReport lint(String sql, TargetDialect dialect) {
        return lint(sql, dialect, Optional.empty());
    }

    private static LintReport lint(String sql, TargetDialect dialect, Optional<String> tenant) {
        return fixesParse(new Linter(new LintSettings(dialect, List.of(), tenant)).lint(List.of(SqlFile.of("q.sql", sql))));
    }

    /** Every fix a finding suggests is valid SQL: it parses back as a condition or an expression. */
    public static LintReport fixesParse(LintReport report) {
        for (Finding finding : report.findings()) {
            finding.suggestion().ifPresent(fix -> {
                ParsedFile parsed = new SqlScriptParser().parse(
                        SqlFile.of("fix.sql", "SELECT 1 FROM t WHERE (" + fix + ") IS NOT NULL"));
                if (!parsed.problems().isEmpty() || parsed.statements().size() != 1) {
                    throw new AssertionError("the fix of " + finding.rule().code() + " at " + finding.line() + ":"
                            + finding.column() + " is not valid SQL: " + fix + " (" + parsed.problems() + ")");
                }
            });
        }
        return report;
    }

    /** The rule codes of the findings, in report order. */
    public static List<String> codes(LintReport report) {
        return report.findings().stream().map(f -> f.rule().code()).toList();
    }

    public static List<String> codes(String sql, TargetDialect dialect) {
        return codes(lint(sql, dialect));
    }

    /** The findings as {@code CODE@line:column}. */
    public static List<String> located(LintReport report) {
        return report.findings().stream().map(f -> f.rule().code() + "@" + f.line() + ":" + f.column()).toList();
    }

    /** The message of the first finding of rule {@code code}. */
    public static String message(LintReport report, String code) {
        return report.findings().stream().filter(f -> f.rule().code().equals(code)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + code + " in " + located(report))).message();
    }
}
