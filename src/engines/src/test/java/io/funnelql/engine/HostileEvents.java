package io.funnelql.engine;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;
import io.funnelql.events.EventTable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Events whose names and values break naive quoting, escaping and NULL handling. */
final class HostileEvents {
    static final TableName UNQUALIFIED = new TableName(List.of(Name.quoted("ClickEvents")));
    static final TableName QUALIFIED = new TableName(List.of(Name.quoted("Web Analytics"), Name.quoted("Click \"Events\"")));

    static final Column USER = new Column(Name.quoted("UserId"), DataType.VARCHAR);
    static final Column ORDER = new Column(Name.quoted("order"), DataType.BIGINT);
    static final Column WEIRD = new Column(Name.quoted("we\"ird col"), DataType.VARCHAR);
    static final Column TIME = new Column(Name.unquoted("ts"), DataType.TIMESTAMP);
    static final Column PRICE = new Column(Name.quoted("Price"), DataType.DOUBLE);
    static final Column FLAG = new Column(Name.quoted("flag"), DataType.BOOLEAN);
    static final Column DAY = new Column(Name.quoted("day"), DataType.DATE);
    static final List<Column> COLUMNS = List.of(USER, ORDER, WEIRD, TIME, PRICE, FLAG, DAY);

    static final List<Object[]> ROWS = List.of(
            row("plain", 1L, "it's O'Brien", LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_000), 1.5, true, LocalDate.of(2024, 1, 1)),
            row("back\\slash\\", 2L, "$$ dollar $$ -- comment /* block */ ; DROP TABLE x;",
                    LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000), 0.1, false, LocalDate.of(2024, 2, 29)),
            row("Zoë 🚀", null, "", LocalDateTime.of(2024, 3, 1, 12, 0, 0, 500_000_000), null, null, null),
            row("", Long.MAX_VALUE, null, LocalDateTime.of(2024, 3, 2, 0, 0), 1e300, true, LocalDate.of(1970, 1, 1)),
            row("comma, \"double\" quote", Long.MIN_VALUE, "line1\nline2\r\nline3\ttab",
                    LocalDateTime.of(2024, 3, 3, 1, 2, 3, 456_789_000), -2.5e-300, false, LocalDate.of(1900, 1, 1)),
            row("\\.", 0L, "a\n\\.\nb", LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), Double.NaN, null,
                    LocalDate.of(2100, 12, 31)),
            row("NULL", -1L, "\\N", LocalDateTime.of(2024, 3, 4, 5, 6, 7, 8_000), Double.NEGATIVE_INFINITY, true,
                    LocalDate.of(2024, 3, 4)),
            row("  padded  ", 3L, "'';--", LocalDateTime.of(2024, 3, 5, 0, 0), Double.POSITIVE_INFINITY, false, null));

    private HostileEvents() {}

    private static Object[] row(Object... values) {
        return values;
    }

    static EventTable table(TableName table) {
        Source source = new Source(Name.unquoted("events"), table, USER, TIME, Optional.empty(), Optional.empty(),
                Optional.empty(), COLUMNS);
        return EventTable.ofRows(source, ROWS);
    }

    /** The table as SQL names it; its names are all quoted, so no engine folds them. */
    static String sqlName(TableName table) {
        return table.parts().stream().map(part -> JdbcEngine.quote(part.value())).collect(Collectors.joining("."));
    }

    /** Column labels as an engine reports them: quoted names exact, the unquoted one folded. */
    static List<String> labels(Engine engine) {
        return COLUMNS.stream().map(c -> c.name().quoted() ? c.name().value() : folded(engine, c.name().value())).toList();
    }

    static String folded(Engine engine, String unquoted) {
        return engine instanceof H2Engine ? unquoted.toUpperCase(Locale.ROOT) : unquoted;
    }

    /**
     * The rows an engine must give back. Only H2's Oracle mode differs, as Oracle does: it reads
     * '' as NULL, and its DATE is a TIMESTAMP(0), so dates come back as midnight timestamps.
     */
    static List<List<Object>> expected(Engine engine) {
        boolean oracle = engine.name().equals("oracle-h2");
        List<List<Object>> rows = new ArrayList<>();
        for (Object[] row : ROWS) {
            List<Object> values = new ArrayList<>(Arrays.asList(row));
            if (oracle) {
                values.replaceAll(v -> "".equals(v) ? null : v instanceof LocalDate date ? date.atStartOfDay() : v);
            }
            rows.add(values);
        }
        return rows;
    }
}
