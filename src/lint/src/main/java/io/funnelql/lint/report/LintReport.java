package io.funnelql.lint.report;

import io.funnelql.lint.parse.SqlFile;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/** Everything a lint run found, with the files it read (for excerpts). */
public record LintReport(List<RuleInfo> rules, Map<String, SqlFile> files, List<Finding> findings) {
    public LintReport {
        rules = List.copyOf(rules);
        files = Map.copyOf(files);
        findings = findings.stream()
                .sorted(Comparator.comparing(Finding::file).thenComparingInt(Finding::line)
                        .thenComparingInt(Finding::column).thenComparing(f -> f.rule().code()))
                .toList();
    }

    /** One report of several runs (one per file, each with its own settings), listing {@code rules}. */
    public static LintReport merge(List<RuleInfo> rules, List<LintReport> reports) {
        Map<String, SqlFile> files = new LinkedHashMap<>();
        List<Finding> findings = new ArrayList<>();
        for (LintReport report : reports) {
            files.putAll(report.files());
            findings.addAll(report.findings());
        }
        return new LintReport(rules, files, findings);
    }

    public boolean hasSyntaxErrors() {
        return findings.stream().anyMatch(f -> f.rule().equals(RuleInfo.SYNTAX));
    }

    public boolean hasErrors() {
        return findings.stream().anyMatch(f -> f.rule().severity() == Severity.ERROR);
    }

    /** 2 when a statement cannot be parsed, 1 when an error-level finding exists, 0 otherwise. */
    public int exitCode() {
        return hasSyntaxErrors() ? 2 : hasErrors() ? 1 : 0;
    }
}
