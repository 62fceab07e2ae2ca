package io.funnelql.engine;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * PostgreSQL on zonky's binaries, started without zonky: initdb and postgres refuse to run as
 * root, so as root both run as "nobody" (setpriv, else runuser) on a data directory that user
 * owns; otherwise as the current user. Loopback TCP only, no Unix socket, fsync off. Stopped by
 * {@link #close} or at JVM exit.
 */
public final class UnprivilegedPostgres implements PostgresServer, AutoCloseable {
    private static final long START_TIMEOUT_MILLIS = 60_000;

    private final Process process;
    private final Path base;
    private final int port;
    private volatile String origin; // known once the server answers
    private final Thread shutdownHook = new Thread(this::stop, "funnelql-postgres-stop");

    private UnprivilegedPostgres(Process process, Path base, int port) {
        this.process = process;
        this.base = base;
        this.port = port;
    }

    public static UnprivilegedPostgres start() {
        long started = System.nanoTime();
        Path base = null;
        try {
            Path binaries = PostgresBinaries.unpacked();
            base = Files.createTempDirectory("funnelql-postgres-");
            Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path data = Files.createDirectory(base.resolve("data"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path log = base.resolve("postgres.log");
            List<String> asUser = List.of();
            String user = System.getProperty("user.name");
            if (Processes.isRoot()) {
                Account nobody = Account.nobody();
                Files.setAttribute(data, "unix:gid", nobody.gid());
                Files.setAttribute(data, "unix:uid", nobody.uid());
                asUser = nobody.runAs();
                user = "nobody";
            }
            initdb(asUser, binaries, data, log);
            int port = Processes.freeLoopbackPort();
            Process process = command(asUser, binaries.resolve("bin/postgres").toString(), "-D", data.toString(),
                    "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                    "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                    "-c", "TimeZone=UTC")
                    .directory(base.toFile()).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
                    .start();
            UnprivilegedPostgres server = new UnprivilegedPostgres(process, base, port);
            Runtime.getRuntime().addShutdownHook(server.shutdownHook);
            try {
                server.awaitReady(log);
            } catch (EngineException e) {
                server.close();
                throw e;
            }
            server.origin = "embedded, zonky binaries run as " + user + ", started in " + Processes.elapsed(started);
            return server;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(base);
            throw e instanceof EngineException failure ? failure
                    : new EngineException("postgres: cannot start the unprivileged server: " + e.getMessage(), e);
        }
    }

    private static void initdb(List<String> asUser, Path binaries, Path data, Path log) throws IOException {
        Process initdb = command(asUser, binaries.resolve("bin/initdb").toString(), "-D", data.toString(),
                "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync")
                .directory(data.getParent().toFile()).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!initdb.waitFor(120, TimeUnit.SECONDS)) {
                initdb.destroyForcibly();
                throw new EngineException("postgres: initdb did not finish in 120 s" + Processes.tail(log));
            }
        } catch (InterruptedException e) {
            initdb.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new EngineException("postgres: interrupted while waiting for initdb", e);
        }
        if (initdb.exitValue() != 0) {
            throw new EngineException("postgres: initdb failed with exit code " + initdb.exitValue() + Processes.tail(log));
        }
    }

    private static ProcessBuilder command(List<String> asUser, String... command) {
        List<String> line = new ArrayList<>(asUser);
        line.addAll(List.of(command));
        ProcessBuilder builder = new ProcessBuilder(line);
        builder.environment().put("LC_ALL", "C");
        return builder;
    }

    private void awaitReady(Path log) {
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
        while (true) {
            if (!process.isAlive()) {
                throw new EngineException("postgres: the server exited with code " + process.exitValue() + Processes.tail(log));
            }
            try (Connection probe = DriverManager.getConnection(url() + "&connectTimeout=2")) {
                return;
            } catch (SQLException notYet) {
                if (System.currentTimeMillis() > deadline) {
                    throw new EngineException("postgres: the server did not accept connections within "
                            + START_TIMEOUT_MILLIS / 1000 + " s: " + notYet.getMessage() + Processes.tail(log), notYet);
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EngineException("postgres: interrupted while waiting for the server", e);
            }
        }
    }

    private String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres";
    }

    public int port() {
        return port;
    }

    /** The server process: postgres itself (setpriv execs it) or runuser. */
    public Process process() {
        return process;
    }

    @Override
    public Connection connect() {
        try {
            return DriverManager.getConnection(url());
        } catch (SQLException e) {
            throw new EngineException("postgres: cannot connect to the embedded server: " + e.getMessage(), e);
        }
    }

    @Override
    public String origin() {
        return origin;
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: stop() is safe to run twice
        }
        stop();
    }

    /** SIGTERM is a smart shutdown: the server waits for open connections, then exits. */
    private synchronized void stop() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteQuietly(base);
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            Processes.deleteRecursively(directory);
        } catch (IOException e) {
            // left in the temp directory; nothing depends on it being gone
        }
    }

    /** The unprivileged account, and how root runs a command as it. */
    record Account(int uid, int gid, List<String> runAs) {
        static Account nobody() throws IOException {
            String entry;
            try (Stream<String> lines = Files.lines(Path.of("/etc/passwd"), StandardCharsets.UTF_8)) {
                entry = lines.filter(line -> line.startsWith("nobody:")).findFirst()
                        .orElseThrow(() -> new EngineException("postgres: running as root, and there is no user "
                                + "'nobody' in /etc/passwd to run PostgreSQL as"));
            }
            String[] fields = entry.split(":");
            int uid = Integer.parseInt(fields[2]);
            int gid = Integer.parseInt(fields[3]);
            Optional<String> setpriv = find("setpriv");
            if (setpriv.isPresent()) {
                return new Account(uid, gid, List.of(setpriv.get(), "--reuid=" + uid, "--regid=" + gid, "--clear-groups", "--"));
            }
            Optional<String> runuser = find("runuser");
            if (runuser.isPresent()) {
                return new Account(uid, gid, List.of(runuser.get(), "-u", "nobody", "--"));
            }
            throw new EngineException("postgres: running as root, and neither setpriv nor runuser is installed "
                    + "to run PostgreSQL as 'nobody' (both come with util-linux)");
        }

        /** On PATH, or where util-linux puts it (root's sbin is not always on PATH). */
        private static Optional<String> find(String program) {
            String path = System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/bin:/usr/sbin:/sbin";
            return Stream.of(path.split(":")).filter(d -> !d.isEmpty()).map(d -> Path.of(d, program))
                    .filter(Files::isExecutable).map(Path::toString).findFirst();
        }
    }
}
