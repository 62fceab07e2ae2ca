package io.funnelql.input;

import io.funnelql.dsl.SpecificationLoader;
import io.funnelql.dsl.diagnostic.SourceFile;
import io.funnelql.dsl.model.Source;
import io.funnelql.events.EventTable;
import io.funnelql.result.ValueOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each kind of --events input, with fixtures made in the test: gzip by java.util.zip, Parquet and
 * DuckDB database files by DuckDB itself (COPY … TO, CREATE TABLE in an attached file).
 */
class EventInputTest {
    private static final String CSV = """
            user_id,ts,amount,note,ok
            u1,2024-01-01 10:00:00,1,a,true
            u1,2024-01-01 10:00:00.25,,"",false
            u2,2024-01-02 00:00:00,-3,,
            """;

    private static Source source() {
        try {
            return SpecificationLoader.load(new SourceFile("s.fql", "source events from table app.events (key user_id, "
                    + "time ts, columns (amount bigint, note varchar, ok boolean));")).sources().get(0);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<List<Object>> rows(EventTable table) {
        List<List<Object>> rows = new ArrayList<>(table.rows().stream().map(Arrays::asList).toList());
        rows.sort(ValueOrder::compareLists);
        return rows;
    }

    /** In the source's column order: the declared columns, then key and time. */
    private static List<List<Object>> expected() {
        return List.of(
                Arrays.asList(null, "", false, "u1", LocalDateTime.parse("2024-01-01T10:00:00.25")),
                Arrays.asList(-3L, null, null, "u2", LocalDateTime.parse("2024-01-02T00:00")),
                Arrays.asList(1L, "a", true, "u1", LocalDateTime.parse("2024-01-01T10:00")));
    }

    private static Path csv(Path directory) throws IOException {
        return Files.writeString(directory.resolve("events.csv"), CSV);
    }

    /** Runs statements on an in-memory DuckDB, which reads and writes the files. */
    private static void duckdb(String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** A DuckDB table of the CSV's rows, typed as the source declares them. */
    private static String typedTable(Path csv) {
        return "CREATE TABLE t AS SELECT user_id, CAST(ts AS TIMESTAMP) AS ts, CAST(amount AS BIGINT) AS amount, "
                + "CASE WHEN user_id = 'u1' AND amount IS NULL THEN '' ELSE note END AS note, CAST(ok AS BOOLEAN) AS ok "
                + "FROM read_csv('" + csv + "', header = true, all_varchar = true)";
    }

    @Test
    void csvIsReadFromAFile(@TempDir Path directory) throws IOException {
        EventInput input = EventInput.of(csv(directory).toString(), Optional.empty());
        assertThat(input.kind()).isEqualTo(EventInput.Kind.CSV);
        assertThat(rows(input.read(source()))).isEqualTo(expected());
    }

    @Test
    void gzipIsRecognisedByContentWhateverTheName(@TempDir Path directory) throws IOException {
        for (String name : List.of("events.csv.gz", "events.csv")) {
            Path file = directory.resolve(name);
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
                out.write(CSV.getBytes(StandardCharsets.UTF_8));
            }
            EventInput input = EventInput.of(file.toString(), Optional.empty());
            assertThat(input.kind()).isEqualTo(EventInput.Kind.CSV_GZIP);
            assertThat(rows(input.read(source()))).isEqualTo(expected());
        }
    }

    @Test
    void standardInputIsReadOnceAndKeptForEveryQuery() {
        EventInput input = EventInput.of("-", Optional.empty(), new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)));
        assertThat(input.label()).isEqualTo("standard input");
        assertThat(rows(input.read(source()))).isEqualTo(expected());
        assertThat(rows(input.read(source()))).isEqualTo(expected()); // verify reads it once per query
    }

    @Test
    void errorsInStandardInputNameIt() {
        EventInput input = EventInput.of("-", Optional.empty(),
                new ByteArrayInputStream("user_id,ts,amount,note,ok\nu1,2024-01-01,x,a,true\n".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> input.read(source()))
                .hasMessage("funnelql: standard input:2:15: column amount: 'x' is not an integer");
        assertThatThrownBy(() -> EventInput.of("-", Optional.empty(), new ByteArrayInputStream(new byte[0])))
                .hasMessageStartingWith("funnelql: --events -: standard input is empty");
    }

    @Test
    void parquetIsReadThroughDuckDbWithItsTypes(@TempDir Path directory) throws Exception {
        Path parquet = directory.resolve("events.parquet");
        duckdb(typedTable(csv(directory)), "COPY t TO '" + parquet + "' (FORMAT parquet)");
        EventInput input = EventInput.of(parquet.toString(), Optional.empty());
        assertThat(input.kind()).isEqualTo(EventInput.Kind.PARQUET);
        assertThat(rows(input.read(source()))).isEqualTo(expected());
        // From standard input too: recognised by its first bytes.
        EventInput piped = EventInput.of("-", Optional.empty(), new ByteArrayInputStream(Files.readAllBytes(parquet)));
        assertThat(piped.kind()).isEqualTo(EventInput.Kind.PARQUET);
        assertThat(rows(piped.read(source()))).isEqualTo(expected());
    }

    @Test
    void parquetTimestampsWithZoneAreUtcAndTextTimestampsFollowTheCsvRules(@TempDir Path directory) throws Exception {
        Path zoned = directory.resolve("zoned.parquet");
        duckdb("SET TimeZone = 'UTC'", "COPY (SELECT 'u1' AS user_id, TIMESTAMPTZ '2024-01-01 10:00:00+02:00' AS ts, "
                + "1 AS amount, 'a' AS note, true AS ok) TO '" + zoned + "' (FORMAT parquet)");
        assertThat(rows(EventInput.of(zoned.toString(), Optional.empty()).read(source())).get(0).get(4))
                .isEqualTo(LocalDateTime.parse("2024-01-01T08:00"));
        Path text = directory.resolve("text.parquet");
        duckdb("COPY (SELECT 'u1' AS user_id, '2024-01-01T10:00:00Z' AS ts, 1 AS amount, 'a' AS note, true AS ok "
                + "UNION ALL SELECT 'u2', '2024-01-01 10:00:00.1234567', 2, 'b', false) TO '" + text + "' (FORMAT parquet)");
        assertThatThrownBy(() -> EventInput.of(text.toString(), Optional.empty()).read(source()))
                .hasMessage("funnelql: " + text + ": row 2: column ts: '2024-01-01 10:00:00.1234567' has more than 6 "
                        + "fractional digits: FunnelQL keeps microseconds, as the engines do (round or cut the value where "
                        + "it is written)");
    }

    @Test
    void aParquetColumnOfAnotherTypeIsAnErrorNotAConversion(@TempDir Path directory) throws Exception {
        Path parquet = directory.resolve("wrong.parquet");
        duckdb("COPY (SELECT 'u1' AS user_id, TIMESTAMP '2024-01-01 10:00:00' AS ts, 1.5 AS amount, 'a' AS note, "
                + "true AS ok) TO '" + parquet + "' (FORMAT parquet)");
        assertThatThrownBy(() -> EventInput.of(parquet.toString(), Optional.empty()).read(source()))
                .hasMessage("funnelql: " + parquet + ": column amount is DECIMAL(2,1) there, which does not hold bigint "
                        + "values (the source declares it bigint)");
        Path text = directory.resolve("text.parquet");
        duckdb("COPY (SELECT 'u1' AS user_id, TIMESTAMP '2024-01-01 10:00:00' AS ts, '7' AS amount, 'a' AS note, true AS ok "
                + "UNION ALL SELECT 'u2', TIMESTAMP '2024-01-01 10:00:00', 'seven', 'b', false) TO '" + text + "' (FORMAT parquet)");
        assertThatThrownBy(() -> EventInput.of(text.toString(), Optional.empty()).read(source()))
                .hasMessage("funnelql: " + text + ": row 2: column amount: 'seven' is not an integer");
        Path missing = directory.resolve("missing.parquet");
        duckdb("COPY (SELECT 'u1' AS user_id) TO '" + missing + "' (FORMAT parquet)");
        assertThatThrownBy(() -> EventInput.of(missing.toString(), Optional.empty()).read(source()))
                .hasMessage("funnelql: " + missing + ": lacks columns amount, note, ok, ts of source events; it has: user_id");
    }

    @Test
    void aDuckDbDatabaseFileIsALiveTable(@TempDir Path directory) throws Exception {
        Path database = directory.resolve("analytics.duckdb");
        duckdb(typedTable(csv(directory)), "ATTACH '" + database + "' AS live", "CREATE SCHEMA live.app",
                "CREATE TABLE live.app.events AS SELECT * FROM t", "CREATE TABLE live.main.other AS SELECT * FROM t LIMIT 1",
                "DETACH live");
        EventInput input = EventInput.of(database.toString(), Optional.empty());
        assertThat(input.kind()).isEqualTo(EventInput.Kind.DUCKDB_DATABASE);
        assertThat(input.engine()).contains("duckdb");
        assertThat(rows(input.read(source()))).isEqualTo(expected()); // the source's own table, app.events
        EventInput other = EventInput.of(database.toString(), Optional.of("other"));
        assertThat(other.read(source()).rowCount()).isEqualTo(1);
        assertThatThrownBy(() -> EventInput.of(database.toString(), Optional.of("nowhere")).read(source()))
                .hasMessageStartingWith("funnelql: " + database + " (table nowhere): Catalog Error: Table with name nowhere does not exist!");
    }

    @Test
    void filesAreRecognisedByContentAndAMismatchedExtensionIsNamed(@TempDir Path directory) throws IOException {
        Path fake = Files.writeString(directory.resolve("events.parquet"), CSV);
        assertThatThrownBy(() -> EventInput.of(fake.toString(), Optional.empty()))
                .hasMessage("funnelql: " + fake + " is not a Parquet file: it does not start with PAR1");
        Path notGzip = Files.writeString(directory.resolve("events.csv.gz"), CSV);
        assertThatThrownBy(() -> EventInput.of(notGzip.toString(), Optional.empty()))
                .hasMessage("funnelql: " + notGzip + " is not gzip data: it does not start with 1f 8b");
        Path csv = csv(directory);
        assertThatThrownBy(() -> EventInput.of(csv.toString(), Optional.of("events")))
                .hasMessage("funnelql: --table names a table of a database (a JDBC URL or a DuckDB file); " + csv
                        + " is a CSV file: drop --table");
        assertThatThrownBy(() -> EventInput.of(directory.resolve("event.csv").toString(), Optional.empty()))
                .hasMessage("funnelql: " + directory.resolve("event.csv") + ": no such file; did you mean "
                        + directory.resolve("events.csv") + "?");
    }

    @Test
    void tableNamesAreCheckedNotSplicedIntoSql() {
        assertThat(EventInput.tableName("app.events")).hasSize(2);
        assertThat(EventInput.tableName("\"My Schema\".\"we\"\"ird\"").get(1).value()).isEqualTo("we\"ird");
        assertThatThrownBy(() -> EventInput.tableName("events; drop table x"))
                .hasMessageStartingWith("funnelql: --table 'events; drop table x' is not a table name");
    }

    @Test
    void aJdbcUrlIsShownWithoutItsPassword() {
        assertThat(EventInput.redacted("jdbc:postgresql://h/db?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(EventInput.redacted("jdbc:postgresql://u:secret@h/db")).isEqualTo("jdbc:postgresql://u:***@h/db");
        assertThatThrownBy(() -> EventInput.of("jdbc:nosuch://h/db?password=secret", Optional.empty()).read(source()))
                .hasMessage("funnelql: cannot connect to jdbc:nosuch://h/db?password=***: No suitable driver found for "
                        + "jdbc:nosuch://h/db?password=*** (FunnelQL has drivers for jdbc:postgresql: and jdbc:duckdb:)")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    /**
     * A Spark Connect URL is a live table of the spark engine; its token is never shown. Reading it
     * needs the spark module, which this module's tests do not have: the error says so
     * (SparkConnectEngineTest and SparkConnectCommandLineTest read real ones).
     */
    @Test
    void aSparkConnectUrlIsALiveTableOfTheSparkEngine() {
        EventInput input = EventInput.of("sc://cluster:15002/;token=secret;use_ssl=true", Optional.of("app.events"));
        assertThat(input.kind()).isEqualTo(EventInput.Kind.SPARK_CONNECT);
        assertThat(input.isDatabase()).isTrue();
        assertThat(input.engine()).contains("spark");
        assertThat(input.label()).isEqualTo("sc://cluster:15002/;token=***;use_ssl=true (table app.events)");
        assertThatThrownBy(() -> input.read(source()))
                .isInstanceOf(UserInputException.class)
                .hasMessage("funnelql: reading sc://cluster:15002/;token=***;use_ssl=true needs the spark engine's module "
                        + "(src/spark) on the class path; the ./funnelql launcher adds it when --events is an sc:// URL "
                        + "(docs/inputs.md)");
        assertThatThrownBy(input::connect).isInstanceOf(IllegalStateException.class);
    }
}
