package io.funnelql.input;

import io.funnelql.dsl.model.Source;
import io.funnelql.dsl.model.TableName;
import io.funnelql.events.EventFileException;
import io.funnelql.events.EventTable;

/**
 * Reads a live table that JDBC does not reach, such as a Spark Connect server's ({@code sc://host:port}):
 * the module that can reach it (the spark engine's, on the class path only where Spark is used)
 * lists an implementation in {@code META-INF/services/io.funnelql.input.LiveTableReader}.
 */
public interface LiveTableReader {
    /** Whether this reader reads the tables at {@code url}. */
    boolean reads(String url);

    /** The source's columns of {@code table} at {@code url}, by the rules of {@link io.funnelql.events.JdbcEventReader}; {@code label} names it in messages. */
    EventTable read(String url, TableName table, String label, Source source) throws EventFileException;
}
