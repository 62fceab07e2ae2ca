package io.funnelql.engine;

/**
 * The one PostgreSQL server per JVM: the server at FUNNELQL_POSTGRES_URL, or an embedded one
 * started on first use and stopped by a shutdown hook (tests open many engines; starting a
 * server costs seconds, a schema milliseconds).
 *
 * <p>Embedded: zonky's EmbeddedPostgres, which as root runs initdb and postgres in a user
 * namespace ({@code unshare -U}); where that is not allowed (root in a container without user
 * namespaces) zonky fails and {@link UnprivilegedPostgres} runs the same binaries as "nobody".
 * The system property {@value #STARTER_PROPERTY} ({@code zonky}, {@code unprivileged}) forces one.
 */
final class SharedPostgres {
    static final String URL_VARIABLE = "FUNNELQL_POSTGRES_URL";
    static final String USER_VARIABLE = "FUNNELQL_POSTGRES_USER";
    static final String PASSWORD_VARIABLE = "FUNNELQL_POSTGRES_PASSWORD";
    static final String STARTER_PROPERTY = "funnelql.postgres.starter";

    private static PostgresServer server;
    private static EngineException failure;

    private SharedPostgres() {}

    /** The server; a failed start is remembered, so later engines fail at once with the same reason. */
    static synchronized PostgresServer server() {
        if (server == null && failure == null) {
            try {
                server = start();
            } catch (EngineException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new EngineException(failure.getMessage(), failure);
        }
        return server;
    }

    private static PostgresServer start() {
        String url = System.getenv(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return new ExternalPostgres(url, System.getenv(USER_VARIABLE), System.getenv(PASSWORD_VARIABLE));
        }
        String starter = System.getProperty(STARTER_PROPERTY, "auto");
        return switch (starter) {
            case "zonky" -> ZonkyPostgres.start();
            case "unprivileged" -> UnprivilegedPostgres.start();
            case "auto" -> startEither();
            default -> throw new EngineException("postgres: " + STARTER_PROPERTY + " is '" + starter
                    + "'; valid: auto, zonky, unprivileged");
        };
    }

    private static PostgresServer startEither() {
        try {
            return ZonkyPostgres.start();
        } catch (EngineException zonky) {
            if (!Processes.isRoot()) {
                throw zonky;
            }
            try {
                return UnprivilegedPostgres.start();
            } catch (EngineException unprivileged) {
                unprivileged.addSuppressed(zonky);
                throw new EngineException("postgres: cannot start an embedded server as root. " + zonky.getMessage()
                        + "\nThen, as an unprivileged user: " + unprivileged.getMessage(), unprivileged);
            }
        }
    }
}
