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
    void caretAtEndOfInputStaysOnTheLine() {
        SourceFile file = new SourceFile("a.fql", "param p");
        String rendered = DiagnosticFormatter.format(file, Diagnostic.error(new SourceLocation(1, 8), "unexpected end of input"));
        assertThat(rendered).endsWith("    param p\n           ^");
    }
}
