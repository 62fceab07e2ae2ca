package io.funnelql.engine;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * zonky's EmbeddedPostgres: binaries from Maven, a free loopback port, its own shutdown hook.
 * Its processes' output goes to a log file, quoted when the start fails (zonky itself only
 * logs it through SLF4J, which has no binding here).
 */
final class ZonkyPostgres implements PostgresServer {
    private final EmbeddedPostgres postgres;
    private final String origin;

    private ZonkyPostgres(EmbeddedPostgres postgres, String origin) {
        this.postgres = postgres;
        this.origin = origin;
    }

    static ZonkyPostgres start() {
        long started = System.nanoTime();
        Path log;
        Path data; // ours rather than zonky's choice, so a failed start leaves nothing behind
        try {
            log = Files.createTempFile("funnelql-postgres-", ".log");
            log.toFile().deleteOnExit();
            data = Files.createTempDirectory("funnelql-postgres-zonky-");
        } catch (IOException e) {
            throw new EngineException("postgres: cannot create a temporary directory: " + e.getMessage(), e);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("timezone", "UTC")
                    .setOutputRedirector(Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(Redirect.appendTo(log.toFile()))
                    .setDataDirectory(data)
                    .start();
            return new ZonkyPostgres(postgres, "embedded, zonky, started in " + Processes.elapsed(started));
        } catch (IOException | RuntimeException e) {
            try {
                Processes.deleteRecursively(data);
            } catch (IOException left) {
                e.addSuppressed(left);
            }
            throw new EngineException("postgres: zonky's embedded PostgreSQL did not start: " + e.getMessage()
                    + Processes.tail(log), e);
        }
    }

    @Override
    public Connection connect() {
        try {
            return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
        } catch (SQLException e) {
            throw new EngineException("postgres: cannot connect to the embedded server: " + e.getMessage(), e);
        }
    }

    @Override
    public String origin() {
        return origin;
    }
}
