package io.funnelql.lint.report;

import io.funnelql.lint.parse.SqlFile;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Renders a {@link LintReport} as text, JSON or SARIF 2.1.0. */
public final class ReportWriter {
    static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private ReportWriter() {}

    public static String render(LintReport report, String format, String version) {
        return switch (format) {
            case "json" -> json(report);
            case "sarif" -> sarif(report, version);
            default -> text(report);
        };
    }

    /** {@code file:line:col: severity: CODE name: message}, then the line and a caret under the excerpt. */
    public static String text(LintReport report) {
        StringBuilder out = new StringBuilder();
        for (Finding finding : report.findings()) {
            out.append(finding.file()).append(':').append(finding.line()).append(':').append(finding.column())
                    .append(": ").append(finding.rule().severity().display()).append(": ")
                    .append(finding.rule().code()).append(' ').append(finding.rule().name()).append(": ")
                    .append(finding.message()).append('\n');
            SqlFile file = report.files().get(finding.file());
            if (file != null) {
                String line = file.line(finding.line());
                out.append("    ").append(line).append('\n');
                int width = finding.endLine() == finding.line()
                        ? Math.max(1, finding.endColumn() - finding.column() + 1)
                        : Math.max(1, line.length() - finding.column() + 1);
                StringBuilder marker = new StringBuilder("    ");
                for (int i = 1; i < finding.column(); i++) {
                    marker.append(i - 1 < line.length() && line.charAt(i - 1) == '\t' ? '\t' : ' ');
                }
                marker.append('^').append("~".repeat(width - 1));
                out.append(marker).append('\n');
            }
        }
        long errors = report.findings().stream().filter(f -> f.rule().severity() == Severity.ERROR).count();
        long warnings = report.findings().stream().filter(f -> f.rule().severity() == Severity.WARNING).count();
        long notes = report.findings().stream().filter(f -> f.rule().severity() == Severity.INFO).count();
        out.append(report.files().size()).append(report.files().size() == 1 ? " file" : " files").append(": ")
                .append(errors).append(errors == 1 ? " error, " : " errors, ")
                .append(warnings).append(warnings == 1 ? " warning, " : " warnings, ")
                .append(notes).append(notes == 1 ? " note" : " notes").append('\n');
        return out.toString();
    }

    public static String json(LintReport report) {
        List<Object> findings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("file", finding.file());
            entry.put("line", finding.line());
            entry.put("column", finding.column());
            entry.put("endLine", finding.endLine());
            entry.put("endColumn", finding.endColumn());
            entry.put("severity", finding.rule().severity().display());
            entry.put("code", finding.rule().code());
            entry.put("name", finding.rule().name());
            entry.put("message", finding.message());
            SqlFile file = report.files().get(finding.file());
            entry.put("excerpt", file == null ? "" : file.line(finding.line()));
            finding.suggestion().ifPresent(fix -> entry.put("fix", fix));
            findings.add(entry);
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("findings", findings);
        root.put("exitCode", report.exitCode());
        return JsonWriter.write(root);
    }

    public static String sarif(LintReport report, String version) {
        Set<RuleInfo> used = new LinkedHashSet<>(report.rules());
        report.findings().forEach(f -> used.add(f.rule()));
        List<RuleInfo> rules = new ArrayList<>(used);
        List<Object> ruleEntries = new ArrayList<>();
        for (RuleInfo rule : rules) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", rule.code());
            entry.put("name", rule.name());
            entry.put("shortDescription", Map.of("text", rule.summary()));
            entry.put("helpUri", "https://github.com/funnelql/funnelql/blob/main/" + rule.documentation());
            entry.put("defaultConfiguration", Map.of("level", rule.severity().sarifLevel()));
            ruleEntries.add(entry);
        }
        List<Object> results = new ArrayList<>();
        for (Finding finding : report.findings()) {
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", finding.line());
            region.put("startColumn", finding.column());
            region.put("endLine", finding.endLine());
            region.put("endColumn", finding.endColumn() + 1);
            SqlFile file = report.files().get(finding.file());
            if (file != null) {
                region.put("snippet", Map.of("text", file.line(finding.line())));
            }
            Map<String, Object> physical = new LinkedHashMap<>();
            physical.put("artifactLocation", Map.of("uri", uri(finding.file())));
            physical.put("region", region);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("ruleId", finding.rule().code());
            result.put("ruleIndex", rules.indexOf(finding.rule()));
            result.put("level", finding.rule().severity().sarifLevel());
            result.put("message", Map.of("text", finding.message()));
            result.put("locations", List.of(Map.of("physicalLocation", physical)));
            results.add(result);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "funnelql lint");
        driver.put("version", version);
        driver.put("informationUri", "https://github.com/funnelql/funnelql");
        driver.put("rules", ruleEntries);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        run.put("results", results);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", SARIF_SCHEMA);
        root.put("version", "2.1.0");
        root.put("runs", List.of(run));
        return JsonWriter.write(root);
    }

    /** A relative path as a URI reference: forward slashes, spaces and the like percent-encoded. */
    static String uri(String path) {
        StringBuilder out = new StringBuilder();
        for (char c : path.replace('\\', '/').toCharArray()) {
            if (Character.isLetterOrDigit(c) || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
            }
        }
        return out.toString();
    }
}
