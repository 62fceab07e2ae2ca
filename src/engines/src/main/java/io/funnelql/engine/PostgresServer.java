package io.funnelql.engine;

import java.sql.Connection;

/** A running PostgreSQL server the postgres engine connects to. */
public interface PostgresServer {
    /** A new connection to the server's database. */
    Connection connect();

    /** Where the server comes from and how it was started, for labels. */
    String origin();
}
