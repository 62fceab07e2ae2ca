package io.funnelql.spark;

import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;
import io.funnelql.engine.Engine;
import io.funnelql.engine.EngineException;
import io.funnelql.events.EventFileException;
import io.funnelql.events.EventTable;
import io.funnelql.input.UserInputException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The spark engine's contract again, on a Spark Connect server in another process
 * ({@link LocalConnectServer}): names and values cross gRPC and Arrow and come back the same, and
 * a budget interrupts the server's work. Also the server's tables as live tables ({@link SparkTableReader}).
 */
class SparkConnectEngineTest extends SparkEngineTest {
    private static final String URL = LocalConnectServer.url();
    private static final Engine CONNECTED = SparkEngine.connected(URL);
    private static final SparkTableReader READER = new SparkTableReader();

    @AfterAll
    static void closeConnected() {
        CONNECTED.close();
    }

    @Override
    Engine spark() {
        return CONNECTED;
    }

    @Override
    String where() {
        return "Spark Connect at " + URL;
    }

    @Test
    void aServerTableReadsBackAsTheRowsLoadedIntoIt() throws EventFileException {
        TableName table = new TableName(List.of(Name.unquoted("live_app"), Name.unquoted("events")));
        EventTable loaded = events(table);
        CONNECTED.load(loaded);
        EventTable read = READER.read(URL, table, "the table", loaded.source());
        assertThat(read.rowCount()).isEqualTo(loaded.rowCount());
        for (int row = 0; row < loaded.rowCount(); row++) {
            for (int column = 0; column < loaded.source().columns().size(); column++) {
                assertThat(read.value(column, row)).as("row %d column %d", row, column).isEqualTo(loaded.value(column, row));
            }
        }
    }

    /** A Spark TIMESTAMP is an instant: read in UTC, as a PostgreSQL timestamptz is; a wrong type is named, not converted. */
    @Test
    void instantsReadInUtcAndAWrongTypeIsAnError() {
        CONNECTED.execute("CREATE DATABASE IF NOT EXISTS live_types");
        CONNECTED.execute("DROP TABLE IF EXISTS live_types.instants");
        CONNECTED.execute("CREATE TABLE live_types.instants USING parquet AS SELECT 'u1' AS user_id,"
                + " TIMESTAMP '2024-03-31 01:30:00' AS ts, ARRAY(1, 2) AS tags");
        TableName table = new TableName(List.of(Name.unquoted("live_types"), Name.unquoted("instants")));
        Column user = new Column(Name.unquoted("user_id"), DataType.VARCHAR);
        Column time = new Column(Name.unquoted("ts"), DataType.TIMESTAMP);
        assertThat(read(table, user, time, List.of(user, time)).value(1, 0)).isEqualTo(LocalDateTime.of(2024, 3, 31, 1, 30));
        Column tags = new Column(Name.unquoted("tags"), DataType.VARCHAR);
        assertThatThrownBy(() -> READER.read(URL, table, "the table", source(user, time, List.of(user, time, tags))))
                .isInstanceOf(EventFileException.class)
                .hasMessage("the table: column tags is array<int> there, which does not hold varchar values"
                        + " (the source declares it varchar)");
    }

    /** A schema.table source is a table of the cluster's catalog: created for the run and dropped after, never overwritten. */
    @Test
    void aTableOfTheServerIsNeverOverwrittenAndOnesTheEngineMadeAreDropped() {
        CONNECTED.execute("CREATE DATABASE IF NOT EXISTS live_guard");
        CONNECTED.execute("DROP TABLE IF EXISTS live_guard.events");
        CONNECTED.execute("CREATE TABLE live_guard.events USING parquet AS SELECT 'kept' AS user_id");
        TableName guarded = new TableName(List.of(Name.unquoted("live_guard"), Name.unquoted("events")));
        assertThatThrownBy(() -> CONNECTED.load(events(guarded))).isInstanceOf(UserInputException.class)
                .hasMessageContaining("`live_guard`.`events` is a table of the Spark Connect server at " + URL);
        assertThatThrownBy(() -> CONNECTED.append(events(guarded))).isInstanceOf(UserInputException.class);
        assertThat(CONNECTED.query("SELECT user_id FROM live_guard.events").rows()).containsExactly(List.of("kept"));

        TableName made = new TableName(List.of(Name.unquoted("live_made"), Name.unquoted("events")));
        try (Engine another = SparkEngine.connected(URL)) {
            another.load(events(made));
            another.load(events(made)); // its own table: loading again replaces it
            assertThat(CONNECTED.query("SELECT COUNT(*) AS n FROM live_made.events").rows())
                    .containsExactly(List.of((long) events(made).rowCount()));
        }
        // SHOW TABLES lists the session's temporary views too (isTemporary): the table is what must be gone.
        assertThat(CONNECTED.query("SHOW TABLES IN live_made").rows()).noneMatch(row -> row.get(1).equals("events"));
    }

    @Test
    void aMissingTableOrServerIsAClearError() {
        Column user = new Column(Name.unquoted("user_id"), DataType.VARCHAR);
        Column time = new Column(Name.unquoted("ts"), DataType.TIMESTAMP);
        TableName nowhere = new TableName(List.of(Name.unquoted("live_app"), Name.unquoted("nowhere")));
        assertThatThrownBy(() -> READER.read(URL, nowhere, "the table", source(user, time, List.of(user, time))))
                .isInstanceOf(EventFileException.class)
                .hasMessageStartingWith("the table: [TABLE_OR_VIEW_NOT_FOUND]");
        String closed = "sc://127.0.0.1:1";
        assertThatThrownBy(() -> READER.read(closed, nowhere, "the table", source(user, time, List.of(user, time))))
                .isInstanceOf(EventFileException.class)
                .hasMessageStartingWith("the table: cannot reach the Spark Connect server at 127.0.0.1:1");
        assertThatThrownBy(() -> SparkEngine.connected(closed)).isInstanceOf(EngineException.class)
                .hasMessageContaining("cannot reach the Spark Connect server");
        assertThatThrownBy(() -> SparkEngine.connected("sc://127.0.0.1:99999")).isInstanceOf(EngineException.class)
                .hasMessageEndingWith("port 99999 is not a port (1 to 65535)");
        assertThatThrownBy(() -> SparkEngine.connected(URL + "/;token=secret=oops")).isInstanceOf(EngineException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
    }

    private static EventTable read(TableName table, Column key, Column time, List<Column> columns) {
        try {
            return READER.read(URL, table, "the table", source(key, time, columns));
        } catch (EventFileException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }

    private static Source source(Column key, Column time, List<Column> columns) {
        return new Source(Name.unquoted("events"), new TableName(List.of(Name.unquoted("events"))), key, time,
                Optional.empty(), Optional.empty(), Optional.empty(), columns);
    }
}
