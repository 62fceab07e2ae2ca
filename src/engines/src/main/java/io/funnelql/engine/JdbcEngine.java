package io.funnelql.engine;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.dsl.model.Column;
import io.funnelql.dsl.model.DataType;
import io.funnelql.dsl.model.Name;
import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultTable;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/** One JDBC connection per engine; loading's bulk path is each engine's own. */
abstract class JdbcEngine implements Engine {
    protected final Connection connection;
    private final String name;
    private final TargetDialect dialect;
    /** One daemon thread cancels every engine's overdue queries. */
    private static final ScheduledExecutorService CANCELLER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "funnelql-query-cancel");
        thread.setDaemon(true);
        return thread;
    });

    JdbcEngine(String name, TargetDialect dialect, Connection connection) {
        this.name = name;
        this.dialect = dialect;
        this.connection = connection;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public TargetDialect dialect() {
        return dialect;
    }

    /** The dialect whose column types event tables get. */
    protected TargetDialect tableDialect() {
        return dialect();
    }

    /** The engine's column type for a source column type. */
    protected final String sqlType(DataType type) {
        try {
            return tableDialect().columnType(type);
        } catch (IllegalArgumentException e) {
            throw new EngineException(name() + ": no column can have type " + type.displayName());
        }
    }

    /** Inserts every row into the freshly created {@code table} (already quoted and qualified). */
    protected abstract void insert(EventTable events, List<String> tableParts, String table) throws SQLException, IOException;

    /** The identifier as the compiler emits it: quoted names exact, unquoted ones folded as the engine folds them. */
    protected String identifier(Name name) {
        return dialect.identifier(name.value(), name.quoted());
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void load(EventTable events) {
        Source source = events.source();
        List<String> parts = tableParts(source.table());
        String table = parts.stream().map(JdbcEngine::quote).collect(Collectors.joining("."));
        String columns = source.columns().stream()
                .map(c -> quote(identifier(c.name())) + " " + sqlType(c.type()))
                .collect(Collectors.joining(", "));
        try {
            if (parts.size() == 2) {
                createSchema(parts.get(0));
            }
            run("DROP TABLE IF EXISTS " + table);
            run("CREATE TABLE " + table + " (" + columns + ")");
            insert(events, parts, table);
        } catch (SQLException | IOException e) {
            throw failure("loading " + events.rowCount() + " rows into " + table, e);
        }
    }

    @Override
    public void append(EventTable events) {
        List<String> parts = tableParts(events.source().table());
        String table = parts.stream().map(JdbcEngine::quote).collect(Collectors.joining("."));
        try {
            insert(events, parts, table);
        } catch (SQLException | IOException e) {
            throw failure("appending " + events.rowCount() + " rows to " + table, e);
        }
    }

    private List<String> tableParts(TableName table) {
        if (table.parts().size() > 2) {
            throw new EngineException(name + ": table " + table + ": only schema.table names are supported");
        }
        return table.parts().stream().map(this::identifier).toList();
    }

    protected void createSchema(String schema) throws SQLException {
        run("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
    }

    protected String columnList(Source source) {
        return source.columns().stream().map(Column::name).map(this::identifier).map(JdbcEngine::quote)
                .collect(Collectors.joining(", "));
    }

    /** Event values as loaded: timestamps to the microsecond, as the reference reads them. */
    static Object loadValue(Object value) {
        return value instanceof LocalDateTime timestamp ? timestamp.truncatedTo(ChronoUnit.MICROS) : value;
    }

    /** The statement with its placeholders bound, in order. */
    private PreparedStatement prepare(String sql, List<Object> bindParameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < bindParameters.size(); i++) {
                statement.setObject(i + 1, bindParameters.get(i));
            }
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
        return statement;
    }

    @Override
    public ResultTable query(String sql, List<Object> bindParameters) {
        try (PreparedStatement statement = prepare(sql, bindParameters)) {
            try (ResultSet rows = statement.executeQuery()) {
                return ResultValues.read(rows);
            }
        } catch (SQLException e) {
            throw failure("running " + abbreviate(sql), e);
        }
    }

    /**
     * Statement.cancel from a timer thread: DuckDB interrupts the running query, PostgreSQL's
     * driver sends the server a cancel request, so the work stops instead of running on unseen.
     */
    @Override
    public ResultTable query(String sql, List<Object> bindParameters, Duration budget) {
        AtomicBoolean cancelled = new AtomicBoolean();
        try (PreparedStatement statement = prepare(sql, bindParameters)) {
            ScheduledFuture<?> cancel = CANCELLER.schedule(() -> {
                cancelled.set(true);
                try {
                    statement.cancel();
                } catch (SQLException ignored) {
                    // the query ended meanwhile, or the statement closed: nothing left to stop
                }
            }, budget.toMillis(), TimeUnit.MILLISECONDS);
            try (ResultSet rows = statement.executeQuery()) {
                return ResultValues.read(rows);
            } finally {
                cancel.cancel(false);
            }
        } catch (SQLException e) {
            if (cancelled.get()) {
                throw new QueryTimeoutException(name + ": cancelled after " + budget.toMillis() + " ms: "
                        + abbreviate(sql), budget, e);
            }
            throw failure("running " + abbreviate(sql), e);
        }
    }

    @Override
    public void execute(String sql) {
        try {
            run(sql);
        } catch (SQLException e) {
            throw failure("running " + abbreviate(sql), e);
        }
    }

    @Override
    public void execute(String sql, List<Object> bindParameters) {
        try (PreparedStatement statement = prepare(sql, bindParameters)) {
            statement.execute();
        } catch (SQLException e) {
            throw failure("running " + abbreviate(sql), e);
        }
    }

    @Override
    public void inTransaction(Runnable work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure("a transaction", e);
        }
    }

    protected void run(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("closing", e);
        }
    }

    protected EngineException failure(String doing, Exception e) {
        return new EngineException(name + ": " + doing + ": " + e.getMessage(), e);
    }

    private static String abbreviate(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }

    /** Closes a connection whose engine failed to start, keeping the start failure. */
    static EngineException closing(Connection connection, EngineException failure) {
        try {
            connection.close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }
}
