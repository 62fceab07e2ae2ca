package io.funnelql.golden;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.Diagnostic;
import io.funnelql.dsl.diagnostic.InvalidSpecificationException;
import io.funnelql.dsl.diagnostic.SourceFile;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Executes the FunnelQL examples of every page under docs/: {@code funnelql} blocks must check,
 * {@code funnelql-query} blocks must check after the page's first {@code funnelql} block, and
 * {@code funnelql-error} blocks must fail with exactly their {@code -- error:} lines.
 */
class DocumentationExamplesTest {
    private static final Path DOCS = Path.of("../docs");

    @TestFactory
    Stream<DynamicTest> documentationExamples() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                MarkdownCodeBlocks blocks = MarkdownCodeBlocks.read(page);
                List<MarkdownCodeBlocks.Block> complete = blocks.withLanguage("funnelql");
                for (MarkdownCodeBlocks.Block block : complete) {
                    tests.add(DynamicTest.dynamicTest(page + ":" + block.line(), () -> checks(page, block.text())));
                }
                for (MarkdownCodeBlocks.Block block : blocks.withLanguage("funnelql-query")) {
                    assertThat(complete).as("%s has a funnelql block for its fragments to follow", page).isNotEmpty();
                    tests.add(DynamicTest.dynamicTest(page + ":" + block.line(),
                            () -> checks(page, complete.get(0).text() + block.text())));
                }
                for (MarkdownCodeBlocks.Block block : blocks.withLanguage("funnelql-error")) {
                    tests.add(DynamicTest.dynamicTest(page + ":" + block.line(), () -> failsAsDocumented(page, block.text())));
                }
            }
        }
        assertThat(tests).as("documentation examples").hasSizeGreaterThan(5);
        return tests.stream();
    }

    private static void checks(Path page, String text) throws InvalidSpecificationException {
        try {
            SpecificationLoader.load(new SourceFile(page.toString(), text));
        } catch (InvalidSpecificationException e) {
            throw new AssertionError("documented example does not check:\n" + e.render(), e);
        }
    }

    private static void failsAsDocumented(Path page, String text) {
        List<String> expected = text.lines()
                .filter(line -> line.startsWith("-- error: "))
                .map(line -> line.substring("-- error: ".length()))
                .toList();
        assertThat(expected).as("an error example states its errors").isNotEmpty();
        InvalidSpecificationException error = catchThrowableOfType(InvalidSpecificationException.class,
                () -> SpecificationLoader.load(new SourceFile(page.toString(), text)));
        assertThat(error).as("documented error example fails").isNotNull();
        assertThat(error.diagnostics()).map(Diagnostic::toString).containsExactlyElementsOf(expected);
    }
}
