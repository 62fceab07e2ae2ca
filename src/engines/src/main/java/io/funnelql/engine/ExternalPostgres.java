package io.funnelql.engine;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * An existing server, named by a JDBC URL (FUNNELQL_POSTGRES_URL). User and password may be in
 * the URL or given apart; the URL is never shown, since it may hold the password.
 */
public record ExternalPostgres(String url, String user, String password) implements PostgresServer {
    @Override
    public Connection connect() {
        Properties properties = new Properties();
        if (user != null && !user.isEmpty()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            properties.setProperty("password", password);
        }
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new EngineException("postgres: cannot connect to " + SharedPostgres.URL_VARIABLE + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String origin() {
        return "server at " + SharedPostgres.URL_VARIABLE;
    }

    @Override
    public String toString() {
        return "ExternalPostgres[" + SharedPostgres.URL_VARIABLE + "]";
    }
}
