package io.funnelql.spark;

import io.funnelql.dialects.PortableFunctions;
import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;
import io.funnelql.engine.Engine;
import io.funnelql.engine.EngineException;
import io.funnelql.engine.Engines;
import io.funnelql.engine.QueryTimeoutException;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The spark engine on a real local session: names and values round-trip, literals and parameters
 * mean what they say. {@link SparkConnectEngineTest} runs the same on a Spark Connect server.
 */
class SparkEngineTest {
    /** Opened on first use: SparkConnectEngineTest, which runs these tests on a server, needs no local session. */
    private static Engine local;

    private static final List<Column> COLUMNS = List.of(
            new Column(Name.quoted("UserId"), DataType.VARCHAR),
            new Column(Name.quoted("order"), DataType.BIGINT),
            new Column(Name.quoted("we`ird\ncol"), DataType.VARCHAR),
            new Column(Name.unquoted("TS"), DataType.TIMESTAMP),
            new Column(Name.quoted("Price"), DataType.DOUBLE),
            new Column(Name.quoted("flag"), DataType.BOOLEAN),
            new Column(Name.quoted("day"), DataType.DATE));

    private static final List<Object[]> ROWS = List.of(
            new Object[] {"plain", 1L, "it's O'Brien", LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_000), 1.5, true,
                    LocalDate.of(2024, 1, 1)},
            new Object[] {"back\\slash\\", 2L, "`tick` -- comment /* block */ ; DROP TABLE x;",
                    LocalDateTime.of(2024, 2, 29, 23, 59, 59, 999_999_000), 0.1, false, LocalDate.of(2024, 2, 29)},
            new Object[] {"Zoë 🚀", null, "", LocalDateTime.of(2024, 3, 1, 12, 0, 0, 500_000_000), null, null, null},
            new Object[] {"", Long.MAX_VALUE, null, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000), Double.NaN,
                    true, LocalDate.of(1900, 1, 1)},
            new Object[] {"line1\nline2\ttab", Long.MIN_VALUE, "\\N", LocalDateTime.of(2024, 3, 2, 0, 0),
                    Double.NEGATIVE_INFINITY, false, LocalDate.of(2100, 12, 31)});

    @AfterAll
    static void close() {
        if (local != null) {
            local.close();
            local = null;
        }
    }

    /** The engine under test. */
    Engine spark() {
        if (local == null) {
            local = Engines.open("spark");
        }
        return local;
    }

    /** Where its label says it runs. */
    String where() {
        return "local[2]";
    }

    static EventTable events(TableName table) {
        Source source = new Source(Name.unquoted("events"), table, COLUMNS.get(0), COLUMNS.get(3), Optional.empty(),
                Optional.empty(), Optional.empty(), COLUMNS);
        return EventTable.ofRows(source, ROWS);
    }

    static String name(TableName table) {
        return String.join(".", table.parts().stream().map(part -> SparkEngine.quote(part.value())).toList());
    }

    @Test
    void namesTheEngineAndItsDialect() {
        assertThat(spark().name()).isEqualTo("spark");
        assertThat(spark().dialect()).isEqualTo(TargetDialect.SPARK);
        assertThat(spark().label()).startsWith("Spark SQL 4.").endsWith(" (" + where() + ")");
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void hostileNamesAndValuesRoundTripExactly(boolean qualified) {
        TableName table = new TableName(qualified ? List.of(Name.quoted("web_analytics"), Name.quoted("Click_Events"))
                : List.of(Name.quoted("Click Events`")));
        spark().load(events(table));
        ResultTable result = spark().query("SELECT * FROM " + name(table));
        assertThat(result.columns()).containsExactly("UserId", "order", "we`ird\ncol", "ts", "Price", "flag", "day");
        assertThat(result).isEqualTo(ResultTable.sorted(result.columns(), ROWS.stream().map(Arrays::asList).toList()));
    }

    /** A table stored in a database (a schema.table source) takes only letters, digits and _; the error says so. */
    @Test
    void aStoredTableWithAnotherNameIsAClearError() {
        TableName table = new TableName(List.of(Name.quoted("web analytics"), Name.quoted("events")));
        assertThatThrownBy(() -> spark().load(events(table)))
                .isInstanceOf(EngineException.class)
                .hasMessageStartingWith("spark: loading 5 rows into `web analytics`.`events`: ")
                .hasMessageContaining("is not a valid name");
    }

    @Test
    void appendingAddsRowsAndLoadingAgainReplacesThem() {
        TableName table = new TableName(List.of(Name.unquoted("appended")));
        spark().load(events(table));
        spark().append(events(table));
        assertThat(spark().query("SELECT COUNT(*) AS n FROM appended").rows()).containsExactly(List.of(2L * ROWS.size()));
        spark().load(events(table));
        assertThat(spark().query("SELECT COUNT(*) AS n FROM appended").rows()).containsExactly(List.of((long) ROWS.size()));
    }

    /**
     * The dialect writes quotes and backslashes as CHR(n): the text is the same whether or not the
     * session reads backslashes in literals as escapes.
     */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void stringConstantsMeanTheSameTextWithEitherBackslashSetting(boolean escapedStringLiterals) {
        String text = "it's a \\back\\slash\\, a \\' and a \\n, 'quoted', \u0001, \ttab, Zoë 🚀";
        StringBuilder literal = new StringBuilder();
        TargetDialect.SPARK.sqlDialect().quoteStringLiteral(literal, null, text);
        assertThat(literal.toString()).doesNotContain("\\").contains("CHR(39)").contains("CHR(92)");
        spark().execute("SET spark.sql.parser.escapedStringLiterals = " + escapedStringLiterals);
        try {
            assertThat(spark().query("SELECT " + literal + " AS t").rows()).containsExactly(List.of(text));
        } finally {
            spark().execute("SET spark.sql.parser.escapedStringLiterals = false");
        }
    }

    /** Spark's LIKE escapes with a backslash; the language's LIKE has no escape character. */
    @Test
    void likeHasNoEscapeCharacter() {
        String like = PortableFunctions.LIKE.template(TargetDialect.SPARK);
        String sql = "SELECT " + like.replace("{0}", "CONCAT('a', CHR(92), 'b')").replace("{1}", "CONCAT('a', CHR(92), '_')")
                + " AS matched, " + like.replace("{0}", "'a_b'").replace("{1}", "CONCAT(CHR(92), '_%')") + " AS escaped";
        assertThat(spark().query(sql).rows()).containsExactly(List.of(true, false));
    }

    /** Markers in a CTE's SELECT list and WHERE clause, which Spark's positional binding mixed up. */
    @Test
    void bindParametersBindInTextOrder() {
        spark().load(events(new TableName(List.of(Name.unquoted("bound")))));
        ResultTable result = spark().query("WITH c AS (SELECT ? AS label, `order` FROM bound WHERE `UserId` = ? AND ts >= ?)"
                        + " SELECT label, `order`, ? AS tail FROM c",
                List.of("first", "plain", LocalDateTime.of(2024, 1, 1, 0, 0), 4L));
        assertThat(result.rows()).containsExactly(List.of("first", 1L, 4L));
    }

    @Test
    void aQueryOverItsBudgetIsCancelled() {
        assertThatThrownBy(() -> spark().query("SELECT COUNT(*) AS n FROM range(0, 100000) a CROSS JOIN range(0, 1000000) b"
                + " WHERE (a.id * b.id) % 7 = 3", List.of(), Duration.ofSeconds(2)))
                .isInstanceOf(QueryTimeoutException.class);
        assertThat(spark().query("SELECT 1 AS one").rows()).containsExactly(List.of(1L));
    }
}
