package io.funnelql.golden;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java example of docs/test-kit.md is examples/testkit/CheckoutFunnelTest.java, which the
 * testkit module compiles and runs: so the documented example is code that works.
 */
class TestKitDocumentationTest {
    private static final Path PAGE = Path.of("../docs/test-kit.md");
    private static final Path EXAMPLE = Path.of("../examples/testkit/CheckoutFunnelTest.java");

    @Test
    void theDocumentedExampleIsTheExampleThatRuns() throws Exception {
        var blocks = MarkdownCodeBlocks.read(PAGE).withLanguage("java");

        assertThat(blocks).as("java blocks of " + PAGE).hasSize(1);
        assertThat(blocks.get(0).text()).as(PAGE + ":" + blocks.get(0).line() + " must be exactly " + EXAMPLE)
                .isEqualTo(Files.readString(EXAMPLE));
    }
}
