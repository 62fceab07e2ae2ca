package io.funnelql.compiler.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer's indent of a stage's body: line breaks outside quotes are indented, those inside are text. */
class SqlRendererTest {
    @Test
    void indentsEveryLineOfTheStatement() {
        assertThat(SqlRenderer.indent("SELECT 1\nFROM \"t\"\nWHERE x")).isEqualTo("  SELECT 1\n  FROM \"t\"\n  WHERE x");
    }

    @Test
    void leavesLineBreaksInsideStringLiteralsAlone() {
        assertThat(SqlRenderer.indent("SELECT 'a\nb'\nFROM \"t\" WHERE \"x\" = 'c\r\nd'"))
                .isEqualTo("  SELECT 'a\nb'\n  FROM \"t\" WHERE \"x\" = 'c\r\nd'");
    }

    @Test
    void leavesLineBreaksInsideQuotedIdentifiersAlone() {
        assertThat(SqlRenderer.indent("SELECT \"line\nbreak\"\nFROM \"t\""))
                .isEqualTo("  SELECT \"line\nbreak\"\n  FROM \"t\"");
    }

    /** Spark quotes names with backquotes, doubled inside; a double quote there is part of the name. */
    @Test
    void leavesLineBreaksInsideBackquotedIdentifiersAlone() {
        assertThat(SqlRenderer.indent("SELECT `line\nbreak`, `a``\"b\nc`\nFROM `t`"))
                .isEqualTo("  SELECT `line\nbreak`, `a``\"b\nc`\n  FROM `t`");
    }

    /** A doubled quote stays inside the text; the other kind of quote inside it is plain text. */
    @Test
    void doubledAndForeignQuotesDoNotEndTheText() {
        assertThat(SqlRenderer.indent("SELECT 'it''s\n\"x'\nFROM \"a\"\"b\nc\" WHERE 'd'"))
                .isEqualTo("  SELECT 'it''s\n\"x'\n  FROM \"a\"\"b\nc\" WHERE 'd'");
    }
}
