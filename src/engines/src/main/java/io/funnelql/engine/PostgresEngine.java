package io.funnelql.engine;

import io.funnelql.dialects.TargetDialect;
import io.funnelql.events.EventTable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * PostgreSQL, on a server shared by every engine of the JVM: each engine works in a schema of
 * its own (first on the search path, dropped on close), so engines and runs never see each
 * other's tables. A schema-qualified source table's schema is created when missing and then
 * dropped on close too.
 */
public final class PostgresEngine extends JdbcEngine {
    private final String schema = "funnelql_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private final List<String> createdSchemas = new ArrayList<>();
    private final String label;

    public PostgresEngine(PostgresServer server) {
        super("postgres", TargetDialect.POSTGRES, server.connect());
        try {
            run("SET TIME ZONE 'UTC'");
            run("CREATE SCHEMA " + quote(schema));
            createdSchemas.add(schema);
            run("SET search_path TO " + quote(schema));
            label = "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + " (" + server.origin() + ")";
        } catch (SQLException e) {
            throw closing(connection, failure("starting", e));
        }
    }

    @Override
    public String label() {
        return label;
    }

    /**
     * The server's JDBC URL, for a second client of the tables loaded here (tests of live tables:
     * {@code --events URL}). Not for messages: an external server's URL may hold its password.
     */
    public String jdbcUrl() {
        try {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw failure("reading the URL", e);
        }
    }

    /** The engine's own schema, where unqualified tables go. */
    public String schema() {
        return schema;
    }

    @Override
    protected void createSchema(String name) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            exists.setString(1, name);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
        }
        run("CREATE SCHEMA " + quote(name));
        createdSchemas.add(name);
    }

    /** COPY FROM STDIN in CSV, streamed: the server parses rows in bulk, no statement per row. */
    @Override
    protected void insert(EventTable events, List<String> tableParts, String table) throws SQLException, IOException {
        String sql = "COPY " + table + " (" + columnList(events.source()) + ") FROM STDIN WITH (FORMAT csv)";
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
        try {
            Writer out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16);
            CopyCsv.write(events, out);
            out.flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    @Override
    public void close() {
        try {
            for (String created : createdSchemas) {
                run("DROP SCHEMA IF EXISTS " + quote(created) + " CASCADE");
            }
        } catch (SQLException e) {
            EngineException failure = failure("dropping schemas " + createdSchemas, e);
            throw closing(connection, failure);
        }
        super.close();
    }
}
