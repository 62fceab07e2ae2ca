package io.funnelql.reference;

import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultTable;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.funnelql.result.ResultTable.row;
import static org.assertj.core.api.Assertions.assertThat;

class ResultFormatterTableTest {
    @Test
    void wideAndCombiningCharactersAlignByTerminalColumnsNullIsMarkedNumbersGoRight() {
        ResultTable result = new ResultTable(List.of("name", "count", "share"), List.of(
                row("東京", 3L, 12.5), row("Zoë", null, null), row("e\u0301te\u0301", 1234567L, 0.0), row("plain", 7L, 100.0),
                row("", 1L, 0.25), row(null, 2L, 1.0)));
        assertThat(ResultFormatter.table(result)).isEqualTo("""
                name   count    share
                -----  -------  ------
                東京         3   12.50
                Zoë       NULL    NULL
                e\u0301te\u0301    1234567    0.00
                plain        7  100.00
                             1    0.25
                NULL         2    1.00
                (6 rows)
                """);
    }

    @Test
    void controlCharactersInValuesAreShownAsEscapesNotSentToTheTerminal() {
        ResultTable result = new ResultTable(List.of("value"), List.<List<Object>>of(row("a\nb\u001b[31mred\tx")));
        assertThat(ResultFormatter.table(result)).isEqualTo("""
                value
                --------------------
                a\\nb\\u001b[31mred\\tx
                (1 row)
                """);
    }
}
