package io.funnelql.engine;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.events.EventTable;
import io.funnelql.result.ResultTable;

import java.time.Duration;
import java.util.List;

/**
 * A real SQL engine that event tables are loaded into and compiled SQL runs on. Results come back
 * as the same Java types the reference executor produces, so the two compare with equals.
 * Failures are {@link EngineException}s naming the engine.
 */
public interface Engine extends AutoCloseable {
    /** The short name {@link Engines#open} takes: "h2", "oracle-h2", "duckdb", "postgres". */
    String name();

    /** What the engine really is, for reports. */
    String label();

    TargetDialect dialect();

    /** (Re)creates the source's table, every identifier quoted, and loads the rows the engine's fastest way. */
    void load(EventTable events);

    /**
     * The events as this engine holds them once {@link #load loaded}: the same table, but on Oracle
     * (and its H2 stand-in), which stores the empty string as NULL, with every '' NULL. A query's
     * rows on the engine are compared with the reference over this table (docs/dialects.md,
     * "Oracle's empty string").
     */
    default EventTable held(EventTable events) {
        return events;
    }

    /** Runs a query; rows sorted by every column ({@link ResultTable#sorted}). */
    ResultTable query(String sql, List<Object> bindParameters);

    /**
     * Runs a query, cancelling it on the engine once it has run for {@code budget}: then a
     * {@link QueryTimeoutException}, and the engine is free for the next statement.
     */
    ResultTable query(String sql, List<Object> bindParameters, Duration budget);

    default ResultTable query(String sql) {
        return query(sql, List.of());
    }

    /** Adds rows to the table {@link #load} created, the same fast way (e.g. a batch of newly arrived events). */
    void append(EventTable events);

    /** Runs a statement that returns no rows (DDL, DML). */
    void execute(String sql);

    /** Runs a statement that returns no rows, with bind parameters. */
    void execute(String sql, List<Object> bindParameters);

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    void inTransaction(Runnable work);

    @Override
    void close();
}
