package io.funnelql.engine;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.events.EventTable;
import io.funnelql.input.EventInput;

import java.sql.SQLException;
import java.util.List;

/**
 * The database a live events table is in ({@code --events} a PostgreSQL JDBC URL or a DuckDB
 * database file): the compiled SQL runs there, on the table itself, and nothing is loaded or
 * copied. The connection is read-only and in UTC ({@link EventInput#connect}).
 */
public final class LiveEngine extends JdbcEngine {
    private final String label;

    private LiveEngine(String name, TargetDialect dialect, EventInput input) {
        super(name, dialect, input.connect());
        try {
            label = connection.getMetaData().getDatabaseProductName() + " "
                    + connection.getMetaData().getDatabaseProductVersion() + " (the live table at " + input.label() + ")";
        } catch (SQLException e) {
            throw closing(connection, failure("starting", e));
        }
    }

    /** The engine whose SQL runs on the input's table in place: the input must be a database one of the engines is. */
    public static LiveEngine open(EventInput input) {
        String engine = input.engine().orElseThrow(() -> new IllegalArgumentException(input.label()
                + " is not a database an engine runs on"));
        return switch (engine) {
            case "duckdb" -> new LiveEngine("duckdb", TargetDialect.DUCKDB, input);
            case "postgres" -> new LiveEngine("postgres", TargetDialect.POSTGRES, input);
            default -> throw new IllegalArgumentException("no engine runs on " + engine);
        };
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public void load(EventTable events) {
        throw new EngineException(name() + ": the events are the live table; nothing is loaded into it");
    }

    @Override
    protected void insert(EventTable events, List<String> tableParts, String table) {
        throw new EngineException(name() + ": the events are the live table; nothing is inserted into it");
    }
}
