package io.funnelql.lint;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.lint.parse.SqlFile;
import io.funnelql.lint.report.Finding;
import io.funnelql.lint.report.LintReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of src/test/corpus/: realistic hand-written funnel, session, retention and dashboard
 * files, one folder per dialect, each pinning its findings in a {@code -- expect:} line
 * ({@code CODE@line:column}, comma-separated; nothing after the colon: no finding) and naming its
 * tenant column in a {@code -- tenant-column:} line when it has one. Every statement of every file
 * parses, and every fix a finding suggests parses back.
 */
class CorpusTest {
    static final Path CORPUS = Path.of("src/test/corpus");
    private static final Pattern EXPECT = Pattern.compile("^-- expect:(.*)$", Pattern.MULTILINE);
    private static final Pattern TENANT = Pattern.compile("^-- tenant-column: *(\\w+)\\s*$", Pattern.MULTILINE);

    static List<Path> files() {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static TargetDialect dialect(Path file) {
        return switch (file.getParent().getFileName().toString()) {
            case "duckdb" -> TargetDialect.DUCKDB;
            case "oracle" -> TargetDialect.ORACLE;
            default -> TargetDialect.POSTGRES;
        };
    }

    static LintReport lint(Path file) throws IOException {
        String text = Files.readString(file);
        Matcher tenant = TENANT.matcher(text);
        Optional<String> tenantColumn = tenant.find() ? Optional.of(tenant.group(1)) : Optional.empty();
        return LintFixture.fixesParse(new Linter(new LintSettings(dialect(file), List.of(), tenantColumn))
                .lint(List.of(SqlFile.of(CORPUS.relativize(file).toString(), text))));
    }

    static List<String> expected(Path file) throws IOException {
        Matcher matcher = EXPECT.matcher(Files.readString(file));
        assertThat(matcher.find()).as("%s has an -- expect: line", file).isTrue();
        return Arrays.stream(matcher.group(1).split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    @TestFactory
    Stream<DynamicTest> everyFileHasExactlyItsPinnedFindings() {
        return files().stream().map(file -> DynamicTest.dynamicTest(CORPUS.relativize(file).toString(), () -> {
            LintReport report = lint(file);
            StringBuilder actual = new StringBuilder();
            for (Finding finding : report.findings()) {
                actual.append("\n  ").append(finding.rule().code()).append('@').append(finding.line()).append(':')
                        .append(finding.column()).append(' ').append(finding.message());
            }
            assertThat(LintFixture.located(report)).as("findings of %s:%s", file, actual).isEqualTo(expected(file));
        }));
    }

    @Test
    void theCorpusIsLargeSpansTheDialectsAndParsesWhole() throws IOException {
        List<Path> files = files();
        assertThat(files).hasSizeGreaterThanOrEqualTo(60);
        for (String dialect : List.of("postgres", "duckdb", "oracle")) {
            assertThat(files).filteredOn(f -> f.getParent().getFileName().toString().equals(dialect))
                    .hasSizeGreaterThanOrEqualTo(12);
        }
        for (Path file : files) {
            assertThat(lint(file).hasSyntaxErrors()).as("%s parses", file).isFalse();
        }
    }
}
