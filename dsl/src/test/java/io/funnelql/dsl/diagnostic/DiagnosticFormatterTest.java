package io.funnelql.dsl.diagnostic;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DiagnosticFormatterTest {
    @Test
    void printsFileLineColumnTheLineAndACaret() {
        SourceFile file = new SourceFile("specs/a.fql", "param p bigint;\nfunnel f from evnts;\n");
        String rendered = DiagnosticFormatter.format(file, Diagnostic.error(new SourceLocation(2, 15), "unknown source evnts"));
        assertThat(rendered).isEqualTo("""
                specs/a.fql:2:15: error: unknown source evnts
                    funnel f from evnts;
                                  ^""");
    }

    @Test
    void controlCharactersInTheShownLineAreNeverPrintedRawAndTheCaretStaysUnderItsCharacter() {
        SourceFile file = new SourceFile("a.fql", "steps (a: name = 'x\u0000y\u001b', b: \tname = 'b');");
        String rendered = DiagnosticFormatter.format(file, Diagnostic.error(new SourceLocation(1, 20), "a NUL character"));
        assertThat(rendered).doesNotContain("\u0000", "\u001b", "\t")
                .endsWith("    steps (a: name = 'x\uFFFDy\uFFFD', b:  name = 'b');\n                       ^");
    }

    @Test
    void caretAtEndOfInputStaysOnTheLine() {
        SourceFile file = new SourceFile("a.fql", "param p");
        String rendered = DiagnosticFormatter.format(file, Diagnostic.error(new SourceLocation(1, 8), "unexpected end of input"));
        assertThat(rendered).endsWith("    param p\n           ^");
    }
}
