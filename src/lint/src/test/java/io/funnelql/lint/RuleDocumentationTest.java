package io.funnelql.lint;

import io.funnelql.lint.report.RuleInfo;
import io.funnelql.lint.rules.Rule;
import io.funnelql.lint.rules.Rules;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in docs/lint/ documents one rule: its code, name and severity match the rule, it
 * has a rationale, and its anti-pattern triggers exactly that rule while its best practice
 * triggers nothing. Every rule {@link Rules} discovers has such a page, the next code and its
 * own test class.
 */
class RuleDocumentationTest {
    private static final Path DOCS = Path.of("../../docs/lint");
    private static final Pattern FIELD = Pattern.compile("^- \\*\\*(\\w+):\\*\\* (.+)$", Pattern.MULTILINE);

    /** One rule page, read. */
    record Page(Path path, String code, String name, String severity, Optional<String> tenantColumn,
            String rationale, String antiPattern, String bestPractice) {}

    static Page read(Path path) throws IOException {
        String text = Files.readString(path);
        Map<String, String> fields = new HashMap<>();
        Matcher matcher = FIELD.matcher(text);
        while (matcher.find()) {
            fields.put(matcher.group(1), matcher.group(2).trim());
        }
        Optional<String> tenant = Optional.ofNullable(fields.get("Options"))
                .map(o -> o.replace("--tenant-column", "").trim());
        return new Page(path, fields.get("Code"), fields.get("Name"), fields.get("Severity"), tenant,
                section(text, "## Rationale"), sqlBlock(section(text, "## Anti-pattern")),
                sqlBlock(section(text, "## Best practice")));
    }

    private static String section(String text, String heading) {
        int start = text.indexOf(heading + "\n");
        assertThat(start).as("section %s", heading).isNotNegative();
        int end = text.indexOf("\n## ", start + heading.length());
        return text.substring(start + heading.length(), end < 0 ? text.length() : end).trim();
    }

    private static String sqlBlock(String section) {
        int start = section.indexOf("```sql\n");
        assertThat(start).as("a ```sql block").isNotNegative();
        int end = section.indexOf("```", start + 7);
        return section.substring(start + 7, end);
    }

    static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.list(DOCS)) {
            return files.filter(p -> p.getFileName().toString().matches("FQL\\d{3}\\.md")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyPageIsEnforced() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path path : pages()) {
            tests.add(DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
                Page page = read(path);
                RuleInfo rule = Rules.all().stream().map(Rule::info).filter(r -> r.code().equals(page.code()))
                        .findFirst().orElseThrow(() -> new AssertionError("no rule " + page.code()));
                assertThat(path.getFileName().toString()).isEqualTo(rule.code() + ".md");
                assertThat(page.name()).isEqualTo(rule.name());
                assertThat(page.severity()).isEqualTo(rule.severity().display());
                assertThat(page.rationale()).hasSizeGreaterThan(200);
                assertThat(LintFixture.lint(page.antiPattern(), page.tenantColumn()).findings())
                        .as("the anti-pattern of %s", rule.code())
                        .extracting(f -> f.rule().code()).containsExactly(rule.code());
                assertThat(LintFixture.lint(page.bestPractice(), page.tenantColumn()).findings())
                        .as("the best practice of %s", rule.code()).isEmpty();
            }));
        }
        return tests.stream();
    }

    @Test
    void everyRuleHasAPageAndTheIndexListsIt() throws IOException {
        String index = Files.readString(DOCS.resolve("README.md"));
        List<String> documented = pages().stream().map(p -> p.getFileName().toString().replace(".md", "")).toList();
        for (Rule rule : Rules.all()) {
            assertThat(documented).contains(rule.info().code());
            assertThat(index).contains("[" + rule.info().code() + "](" + rule.info().code() + ".md)")
                    .contains(rule.info().name());
        }
    }

    /** Rules are discovered from Rule's permits list: each has the next code, its own name, a page and a test class. */
    @Test
    void theDiscoveredRulesAreNumberedInOrderAndEachHasItsTests() {
        List<Rule> rules = Rules.all();
        assertThat(rules).hasSize(Rule.class.getPermittedSubclasses().length);
        for (int i = 0; i < rules.size(); i++) {
            RuleInfo info = rules.get(i).info();
            assertThat(info.code()).as(rules.get(i).getClass().getSimpleName()).isEqualTo("FQL%03d".formatted(i + 1));
            assertThat(Path.of("../..").resolve(info.documentation())).as(info.code()).isRegularFile();
            assertThat(rules.get(i).getClass().getResource(rules.get(i).getClass().getSimpleName() + "Test.class"))
                    .as("the test class of %s, rules/%sTest.java", info.code(), rules.get(i).getClass().getSimpleName())
                    .isNotNull();
        }
        assertThat(rules).extracting(rule -> rule.info().name()).doesNotHaveDuplicates();
    }
}
