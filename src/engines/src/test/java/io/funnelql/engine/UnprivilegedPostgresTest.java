package io.funnelql.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The root-safe starter, whatever user runs the tests (as root it must switch to "nobody"), and
 * the FUNNELQL_POSTGRES_URL path, pointed at that server.
 */
class UnprivilegedPostgresTest {
    @Test
    void startsServesAnExternalStyleEngineAndStops() throws Exception {
        int port;
        try (UnprivilegedPostgres server = UnprivilegedPostgres.start()) {
            port = server.port();
            if (Processes.isRoot()) {
                assertThat(Files.readAllLines(Path.of("/proc", Long.toString(server.process().pid()), "status")))
                        .filteredOn(line -> line.startsWith("Uid:"))
                        .singleElement().asString().doesNotContain("\t0\t").contains("65534");
            }
            ExternalPostgres external = new ExternalPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", null);
            String schema;
            try (PostgresEngine engine = new PostgresEngine(external)) {
                schema = engine.schema();
                assertThat(engine.label()).startsWith("PostgreSQL ").endsWith("(server at FUNNELQL_POSTGRES_URL)");
                engine.load(HostileEvents.table(HostileEvents.QUALIFIED));
                assertThat(engine.query("SELECT * FROM " + HostileEvents.sqlName(HostileEvents.QUALIFIED)).rows())
                        .containsExactlyInAnyOrderElementsOf(HostileEvents.expected(engine));
            }
            try (PostgresEngine after = new PostgresEngine(external)) {
                assertThat(after.query("SELECT nspname FROM pg_namespace WHERE nspname IN (?, ?)",
                        List.of(schema, "Web Analytics")).rows()).isEmpty();
            }
        }
        assertThatThrownBy(() -> {
            try (Connection ignored = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres")) {
                // connected: the server is still up
            }
        }).isInstanceOf(SQLException.class);
    }
}
