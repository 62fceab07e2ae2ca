package io.funnelql.engine;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.events.EventTable;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** DuckDB in memory: each instance is its own database. */
public final class DuckDbEngine extends JdbcEngine {
    private final String label;

    public DuckDbEngine() {
        super("duckdb", TargetDialect.DUCKDB, connect());
        try {
            // The JDBC jar links ICU in, so zones work offline; a build without ICU has no zones
            // at all and already behaves as UTC, so a refused setting changes nothing.
            try {
                run("SET TimeZone = 'UTC'");
            } catch (SQLException withoutIcu) {
                // keep going: see above
            }
            label = "DuckDB " + connection.getMetaData().getDatabaseProductVersion();
        } catch (SQLException e) {
            throw closing(connection, failure("starting", e));
        }
    }

    private static Connection connect() {
        try {
            return DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new EngineException("duckdb: cannot open an in-memory database: " + e.getMessage(), e);
        }
    }

    @Override
    public String label() {
        return label;
    }

    /** The appender writes column vectors directly, no SQL per row; it takes names unquoted, as they are. */
    @Override
    protected void insert(EventTable events, List<String> tableParts, String table) throws SQLException {
        String schema = tableParts.size() == 2 ? tableParts.get(0) : "main";
        String tableName = tableParts.get(tableParts.size() - 1);
        int width = events.source().columns().size();
        try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender(schema, tableName)) {
            for (int row = 0; row < events.rowCount(); row++) {
                appender.beginRow();
                for (int c = 0; c < width; c++) {
                    append(appender, loadValue(events.value(c, row)));
                }
                appender.endRow();
            }
        }
    }

    private static void append(DuckDBAppender appender, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else if (value instanceof String text) {
            appender.append(text);
        } else if (value instanceof Long number) {
            appender.append(number.longValue());
        } else if (value instanceof Double number) {
            appender.append(number.doubleValue());
        } else if (value instanceof Boolean bool) {
            appender.append(bool.booleanValue());
        } else if (value instanceof LocalDateTime timestamp) {
            appender.append(timestamp);
        } else if (value instanceof LocalDate date) {
            appender.append(date);
        } else {
            throw new SQLException("cannot append a " + value.getClass().getName());
        }
    }
}
