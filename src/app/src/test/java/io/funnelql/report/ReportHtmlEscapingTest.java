package io.funnelql.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportHtmlEscapingTest {
    @Test
    void markupQuotesAndAmpersandsBecomeEntities() {
        assertThat(Html.escape("</script><script>alert(1)</script>"))
                .isEqualTo("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(Html.escape("<img src=x onerror=\"alert('x')\">"))
                .isEqualTo("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;");
        assertThat(Html.escape("a & b &amp; c")).isEqualTo("a &amp; b &amp;amp; c");
        assertThat(Html.escape("--><!--")).isEqualTo("--&gt;&lt;!--");
    }

    @Test
    void nonLatinTextAndEmojiPassThrough() {
        assertThat(Html.escape("Größe 大小 Ελληνικά עברית 👩‍💻")).isEqualTo("Größe 大小 Ελληνικά עברית 👩‍💻");
    }

    @Test
    void controlCharactersAndLoneSurrogatesAreReplacedLineBreaksKept() {
        assertThat(Html.escape("a\u0000b\u001b[31mc\u007f")).isEqualTo("a\uFFFDb\uFFFD[31mc\uFFFD");
        assertThat(Html.escape("line 1\r\nline 2\rline 3\tend")).isEqualTo("line 1\nline 2\nline 3\tend");
        assertThat(Html.escape("x\uD800y\uDC00z")).isEqualTo("x\uFFFDy\uFFFDz");
    }

    @Test
    void theEmptyStringStaysEmpty() {
        assertThat(Html.escape("")).isEmpty();
    }
}
