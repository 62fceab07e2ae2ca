package io.funnelql.reference;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Source;
import io.funnelql.events.CsvEventReader;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultFormatter;
import io.funnelql.result.ResultTable;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.funnelql.result.ResultTable.row;
import static org.assertj.core.api.Assertions.assertThat;

/** NULL and the empty string stay apart in every output, and the tool's own CSV reads back to the same values. */
class ResultOutputNullTest {
    private static final ResultTable NULL_AND_EMPTY = new ResultTable(List.of("name", "n"),
            List.of(row(null, 1L), row("", 2L), row("\"\"", 3L), row("a,b", null)));

    @Test
    void csvWritesNullAsAnEmptyFieldAndTheEmptyStringAsTwoQuotes() {
        assertThat(ResultFormatter.csv(NULL_AND_EMPTY)).isEqualTo("name,n\n,1\n\"\",2\n\"\"\"\"\"\",3\n\"a,b\",\n");
    }

    @Test
    void jsonWritesNullAndTheEmptyString() {
        assertThat(ResultFormatter.json(NULL_AND_EMPTY)).isEqualTo("""
                [
                  {"name": null, "n": 1},
                  {"name": "", "n": 2},
                  {"name": "\\"\\"", "n": 3},
                  {"name": "a,b", "n": null}
                ]
                """);
    }

    @Test
    void aTableMarksNullAndLeavesTheEmptyStringEmpty() {
        assertThat(ResultFormatter.table(NULL_AND_EMPTY)).isEqualTo("""
                name  n
                ----  ----
                NULL     1
                         2
                ""       3
                a,b   NULL
                (4 rows)
                """);
    }

    @Test
    void theToolsOwnCsvReadsBackToTheSameValues() throws Exception {
        Source source = SpecificationLoader.load(new SourceFile("s.fql", "source events from table t (key user_id, "
                + "time ts, columns (note varchar, amount bigint, share double, ok boolean));")).sources().get(0);
        List<String> columns = source.columns().stream().map(c -> c.name().value()).toList();
        List<List<Object>> rows = new ArrayList<>();
        LocalDateTime time = LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000);
        for (String note : Arrays.asList(null, "", "\"\"", "a,b", "line\nbreak", " spaced ", "NULL", "ünïcödé", "\ttab")) {
            rows.add(Arrays.asList("u" + rows.size(), time, note, (long) rows.size() - 3, rows.size() / 3.0, rows.size() % 2 == 0));
        }
        rows.add(Arrays.asList("u-null", time, "x", null, null, null));
        // Columns in the source's order: key, time, then the declared ones.
        List<List<Object>> ordered = rows.stream().map(r -> reorder(source, columns, r)).toList();
        ResultTable written = new ResultTable(columns, ordered);
        EventTable read = CsvEventReader.read(new StringReader(ResultFormatter.csv(written)), "result.csv", source);
        assertThat(read.rows().stream().map(Arrays::asList).toList()).isEqualTo(ordered);
    }

    private static List<Object> reorder(Source source, List<String> columns, List<Object> row) {
        // row is (key, time, note, amount, share, ok); the source orders them as columns() does
        List<String> given = List.of("user_id", "ts", "note", "amount", "share", "ok");
        List<Object> ordered = new ArrayList<>();
        for (String column : columns) {
            ordered.add(row.get(given.indexOf(column)));
        }
        return ordered;
    }

    @Test
    void aOneColumnResultWritesNullAsAnEmptyLine() {
        ResultTable one = new ResultTable(List.of("v"), List.of(row("a"), row((Object) null), row("")));
        assertThat(ResultFormatter.csv(one)).isEqualTo("v\na\n\n\"\"\n");
    }
}
