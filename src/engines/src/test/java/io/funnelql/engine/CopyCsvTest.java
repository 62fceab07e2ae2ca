package io.funnelql.engine;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CopyCsvTest {
    @Test
    void nullIsAnUnquotedEmptyFieldAndEveryValueIsQuoted() throws Exception {
        StringWriter out = new StringWriter();
        CopyCsv.write(HostileEvents.table(HostileEvents.UNQUALIFIED), out);
        String[] lines = out.toString().split("\n", -1);
        assertThat(lines[0]).isEqualTo("\"plain\",\"1\",\"it's O'Brien\",\"2024-01-01 00:00:00.000001\",\"1.5\",\"true\",\"2024-01-01\"");
        assertThat(lines[2]).isEqualTo("\"Zoë 🚀\",,\"\",\"2024-03-01 12:00:00.500000\",,,");
        assertThat(lines[4]).isEqualTo("\"comma, \"\"double\"\" quote\",\"-9223372036854775808\",\"line1");
    }
}
