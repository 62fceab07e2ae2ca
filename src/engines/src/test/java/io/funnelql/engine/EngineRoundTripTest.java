package io.funnelql.engine;

import io.funnelql.dsl.model.TableName;
import io.funnelql.result.ResultTable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every engine, real and unmocked: a failure to start one fails these tests. */
class EngineRoundTripTest {
    static Stream<Arguments> enginesAndTables() {
        return Engines.NAMES.stream().flatMap(engine -> Stream.of(
                Arguments.of(engine, HostileEvents.UNQUALIFIED), Arguments.of(engine, HostileEvents.QUALIFIED)));
    }

    static Stream<String> engines() {
        return Engines.NAMES.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("enginesAndTables")
    void hostileNamesAndValuesRoundTripExactly(String name, TableName table) {
        try (Engine engine = Engines.open(name)) {
            engine.load(HostileEvents.table(table));
            ResultTable result = engine.query("SELECT * FROM " + HostileEvents.sqlName(table));

            assertThat(result.columns()).containsExactlyElementsOf(HostileEvents.labels(engine));
            assertThat(result).isEqualTo(ResultTable.sorted(result.columns(), HostileEvents.expected(engine)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void loadingAgainReplacesTheTable(String name) {
        try (Engine engine = Engines.open(name)) {
            engine.load(HostileEvents.table(HostileEvents.UNQUALIFIED));
            engine.load(HostileEvents.table(HostileEvents.UNQUALIFIED));
            ResultTable count = engine.query("SELECT COUNT(*) AS \"n\" FROM " + HostileEvents.sqlName(HostileEvents.UNQUALIFIED));
            assertThat(count.rows()).containsExactly(List.of((long) HostileEvents.ROWS.size()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void bindParametersAreValuesNotSql(String name) {
        try (Engine engine = Engines.open(name)) {
            engine.load(HostileEvents.table(HostileEvents.UNQUALIFIED));
            String ts = JdbcEngine.quote(HostileEvents.folded(engine, "ts"));
            ResultTable result = engine.query("SELECT \"UserId\", \"order\" FROM " + HostileEvents.sqlName(HostileEvents.UNQUALIFIED)
                            + " WHERE \"we\"\"ird col\" = ? AND " + ts + " >= ? AND \"order\" < ?",
                    List.of("it's O'Brien", LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1_000), 10L));
            assertThat(result.columns()).containsExactly("UserId", "order");
            assertThat(result.rows()).containsExactly(List.of("plain", 1L));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("engines")
    void resultValuesHaveTheReferenceExecutorsJavaTypes(String name) {
        try (Engine engine = Engines.open(name)) {
            engine.load(HostileEvents.table(HostileEvents.UNQUALIFIED));
            ResultTable result = engine.query("SELECT COUNT(*) AS \"n\", SUM(\"order\") AS \"total\","
                    + " CAST(2.5 AS DOUBLE PRECISION) AS \"d\", CAST(12.50 AS DECIMAL(10, 2)) AS \"dec\","
                    + " CAST(7 AS DECIMAL(10, 0)) AS \"whole\","
                    + " CAST('2024-03-01 10:11:12.345678' AS TIMESTAMP) AS \"ts\","
                    + " CAST('2024-03-01 10:00:00+02:00' AS TIMESTAMP WITH TIME ZONE) AS \"tz\","
                    + " CAST('2024-03-01' AS DATE) AS \"day\", 'x' AS \"s\""
                    + " FROM " + HostileEvents.sqlName(HostileEvents.UNQUALIFIED) + " WHERE \"order\" IN (1, 2)");
            Object day = engine.name().equals("oracle-h2") ? LocalDateTime.of(2024, 3, 1, 0, 0) : LocalDate.of(2024, 3, 1);
            assertThat(result.rows()).containsExactly(List.of(2L, 3L, 2.5, 12.5, 7L,
                    LocalDateTime.of(2024, 3, 1, 10, 11, 12, 345_678_000), LocalDateTime.of(2024, 3, 1, 8, 0), day, "x"));
        }
    }
}
